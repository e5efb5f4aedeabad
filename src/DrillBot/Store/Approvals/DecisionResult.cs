namespace DrillBot.Store.Approvals;

/// <summary>
/// What recording a decision did: <see cref="Recorded"/> false when nothing changed (the request is not pending any more,
/// or this approver decided already: <see cref="AlreadyDecided"/>); <see cref="Request"/> is the request after it.
/// </summary>
public sealed record DecisionResult(bool Recorded, bool AlreadyDecided, ApprovalRequest? Request);
