using DrillBot.Store.Approvals;

namespace DrillBot.Governance.Approvals;

/// <summary>Told about every approval event (Slack posts the request with Approve/Reject and each decision in its thread).</summary>
internal interface IApprovalNotifier
{
    /// <summary>A new request: post it where approvers see it.</summary>
    Task RequestedAsync(ApprovalRequest request, CancellationToken cancellationToken);

    /// <summary>A decision was recorded (<paramref name="request"/> is the state after it, maybe approved or rejected).</summary>
    Task DecidedAsync(ApprovalRequest request, ApprovalDecision decision, CancellationToken cancellationToken);

    /// <summary>It expired before it was approved or used.</summary>
    Task ExpiredAsync(ApprovalRequest request, CancellationToken cancellationToken);

    /// <summary>A line in the request's thread (e.g. the run it started, or why it could not start).</summary>
    Task NoteAsync(ApprovalRequest request, string key, string text, CancellationToken cancellationToken);
}
