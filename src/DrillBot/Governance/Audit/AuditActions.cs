namespace DrillBot.Governance.Audit;

/// <summary>The <c>action</c> of every audit event (docs/store.md, "Audit log"): a Contract for auditors' queries.</summary>
internal static class AuditActions
{
    public const string RunRequested = "run.requested";
    public const string RunRefused = "run.refused";
    public const string BlackoutOverridden = "run.override-blackout";
    public const string RunStarted = "run.started";
    public const string Change = "change";
    public const string Restore = "restore";
    public const string Verdict = "run.verdict";
    public const string ApprovalRequested = "approval.requested";
    public const string ApprovalDecided = "approval.decision";
    public const string ApprovalRefused = "approval.refused";
    public const string ApprovalApproved = "approval.approved";
    public const string ApprovalRejected = "approval.rejected";
    public const string ApprovalExpired = "approval.expired";
    public const string ApprovalUsed = "approval.used";
    public const string Freeze = "freeze";
    public const string Unfreeze = "unfreeze";
    public const string TokenCreated = "token.created";
    public const string TokenRevoked = "token.revoked";
}
