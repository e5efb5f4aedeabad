namespace DrillBot.Governance.Approvals;

/// <summary>
/// Whether a user is one of a drill's approvers: listed by user ID, or a member of a listed user group (<c>@handle</c> or
/// <c>S…</c> ID). Slack implements it with <c>usergroups.list</c> and <c>usergroups.users.list</c>; without Slack only
/// user IDs match.
/// </summary>
internal interface IApproverDirectory
{
    Task<ApproverCheck> CheckAsync(string userId, IReadOnlyList<string> approvers, CancellationToken cancellationToken);
}

/// <summary>
/// <paramref name="IsApprover"/>, and through which entry (<paramref name="Via"/>: the user ID or the group); when not,
/// <paramref name="Problem"/> says what could not be checked (a group Slack would not resolve), else null.
/// </summary>
internal sealed record ApproverCheck(bool IsApprover, string? Via, string? Problem = null);

/// <summary>The directory without Slack: only user IDs listed directly match.</summary>
internal sealed class DirectApproverDirectory : IApproverDirectory
{
    public Task<ApproverCheck> CheckAsync(string userId, IReadOnlyList<string> approvers, CancellationToken cancellationToken) =>
        Task.FromResult(approvers.Contains(userId, StringComparer.Ordinal)
            ? new ApproverCheck(true, userId)
            : new ApproverCheck(false, null, approvers.Any(a => a.StartsWith('@') || a.StartsWith('S')) ? "user groups are resolved through Slack, which is not configured" : null));
}
