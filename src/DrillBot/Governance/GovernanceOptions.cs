namespace DrillBot.Governance;

/// <summary>What approvals, the freeze and the audit log need from the service's settings.</summary>
internal sealed record GovernanceOptions
{
    /// <summary>How often due approval requests are expired (their time itself comes from drills.yaml).</summary>
    public TimeSpan ApprovalExpiryInterval { get; init; } = TimeSpan.FromSeconds(5);
}
