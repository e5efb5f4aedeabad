namespace DrillBot.Drills.Definitions;

/// <summary>
/// A drill's <c>approval</c> (docs/drills-yaml.md, "Approvals"): a manual run starts only once
/// <see cref="Required"/> distinct <see cref="Approvers"/> other than the requester approved it, within
/// <see cref="ExpiresAfter"/>. An approver is a Slack user ID (<c>U…</c>/<c>W…</c>), a user group handle
/// (<c>@sre-leads</c>) or a user group ID (<c>S…</c>). <see cref="Schedule"/> pre-approves the drill's scheduled fires;
/// without it a scheduled fire of a drill that needs approval is skipped.
/// </summary>
public sealed record ApprovalDefinition(int Required, IReadOnlyList<string> Approvers, TimeSpan ExpiresAfter)
{
    /// <summary>How long a request waits for its approvers unless <c>expiresAfter</c> says otherwise.</summary>
    public static readonly TimeSpan DefaultExpiry = TimeSpan.FromMinutes(15);

    public SchedulePreApproval? Schedule { get; init; }
}
