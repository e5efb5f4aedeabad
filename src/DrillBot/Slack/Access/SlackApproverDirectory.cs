using DrillBot.Governance.Approvals;
using DrillBot.Slack.WebApi;

namespace DrillBot.Slack.Access;

/// <summary>
/// Who is an approver, resolved at the moment of the click (docs/slack.md, "Approvals"): a user ID matches itself; a
/// group handle (<c>@sre-leads</c>) is mapped to its ID with <c>usergroups.list</c> (cached 5 min) and a group's members
/// are read with <c>usergroups.users.list</c> (cached 1 min), so a person removed from the group loses the right within
/// a minute. When Slack cannot answer, the click is refused (fail closed) and the reason says why.
/// </summary>
internal sealed class SlackApproverDirectory(SlackWebApiClient slack, TimeProvider time) : IApproverDirectory
{
    private static readonly TimeSpan HandleTtl = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MembersTtl = TimeSpan.FromMinutes(1);
    private readonly Lock gate = new();
    private readonly Dictionary<string, (IReadOnlyList<string> Users, DateTimeOffset At)> members = new(StringComparer.Ordinal);
    private (IReadOnlyDictionary<string, string> ByHandle, DateTimeOffset At)? handles;

    public async Task<ApproverCheck> CheckAsync(string userId, IReadOnlyList<string> approvers, CancellationToken cancellationToken)
    {
        if (approvers.Contains(userId, StringComparer.Ordinal))
        {
            return new ApproverCheck(true, userId);
        }

        var problems = new List<string>();
        foreach (var group in approvers.Where(a => a.StartsWith('@') || a.StartsWith('S')))
        {
            var id = group.StartsWith('@') ? await GroupIdAsync(group[1..], problems, cancellationToken) : group;
            if (id is null)
            {
                continue;
            }

            var users = await MembersAsync(id, group, problems, cancellationToken);
            if (users?.Contains(userId, StringComparer.Ordinal) == true)
            {
                return new ApproverCheck(true, group);
            }
        }

        return new ApproverCheck(false, null, problems.Count == 0 ? null : string.Join("; ", problems));
    }

    private async Task<string?> GroupIdAsync(string handle, List<string> problems, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        IReadOnlyDictionary<string, string>? known;
        lock (gate)
        {
            known = handles is { } h && now - h.At < HandleTtl ? h.ByHandle : null;
        }

        if (known is null)
        {
            var (groups, response) = await slack.Usergroups.List(cancellationToken);
            if (!response.Ok)
            {
                problems.Add($"could not resolve @{handle}: usergroups.list failed ({response.Error})");
                return null;
            }

            known = groups.GroupBy(g => g.Handle, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
            lock (gate)
            {
                handles = (known, now);
            }
        }

        if (known.TryGetValue(handle, out var id))
        {
            return id;
        }

        problems.Add($"there is no user group @{handle}");
        return null;
    }

    private async Task<IReadOnlyList<string>?> MembersAsync(string groupId, string shown, List<string> problems, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (members.TryGetValue(groupId, out var cached) && now - cached.At < MembersTtl)
            {
                return cached.Users;
            }
        }

        var (users, response) = await slack.Usergroups.UsersList(groupId, cancellationToken);
        if (!response.Ok)
        {
            problems.Add($"could not read the members of {shown}: usergroups.users.list failed ({response.Error})");
            return null;
        }

        lock (gate)
        {
            members[groupId] = (users, now);
        }

        return users;
    }
}
