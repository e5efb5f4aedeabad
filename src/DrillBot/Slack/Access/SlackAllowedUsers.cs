namespace DrillBot.Slack.Access;

/// <summary>
/// Who may start and abort drills (<c>SLACK_ALLOWED_USERS</c>): comma-separated user IDs, <c>*</c> for
/// everyone, unset or empty for nobody. Listing, status, history and help are open to all.
/// </summary>
public sealed record SlackAllowedUsers
{
    private SlackAllowedUsers(bool everyone, IReadOnlySet<string> users)
    {
        IsEveryone = everyone;
        Users = users;
    }

    public static SlackAllowedUsers Nobody { get; } = new(false, new HashSet<string>(StringComparer.Ordinal));

    public static SlackAllowedUsers Everyone { get; } = new(true, new HashSet<string>(StringComparer.Ordinal));

    public bool IsEveryone { get; }

    public IReadOnlySet<string> Users { get; }

    /// <summary>Parses the variable's value. Blank entries are ignored; <c>*</c> anywhere means everyone.</summary>
    public static SlackAllowedUsers Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Nobody;
        }

        var users = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part == "*")
            {
                return Everyone;
            }

            users.Add(part);
        }

        return users.Count == 0 ? Nobody : new SlackAllowedUsers(false, users);
    }

    /// <summary>True when <paramref name="userId"/> may start or abort drills.</summary>
    public bool Allows(string? userId) =>
        !string.IsNullOrWhiteSpace(userId) && (IsEveryone || Users.Contains(userId));

    public bool Equals(SlackAllowedUsers? other) =>
        other is not null && IsEveryone == other.IsEveryone && Users.SetEquals(other.Users);

    public override int GetHashCode() => HashCode.Combine(IsEveryone, Users.Count);

    public override string ToString() => IsEveryone ? "*" : Users.Count == 0 ? "(nobody)" : string.Join(",", Users.Order(StringComparer.Ordinal));
}
