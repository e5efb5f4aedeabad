namespace DrillBot.Store.Approvals;

/// <summary>Approval requests and their decisions (<c>drillbot_approvals</c>, <c>drillbot_approval_decisions</c>), shared by every replica.</summary>
public interface IApprovalStore
{
    Task CreateAsync(ApprovalRequest request, CancellationToken cancellationToken);

    /// <summary>The request with its decisions, or null.</summary>
    Task<ApprovalRequest?> GetAsync(string approvalId, CancellationToken cancellationToken);

    /// <summary>
    /// Records one approver's decision on a pending request that has not expired at <paramref name="now"/>, in one
    /// transaction: a rejection rejects the request; the <see cref="ApprovalRequest.Required"/>-th distinct approval
    /// approves it. An approver decides once.
    /// </summary>
    Task<DecisionResult> DecideAsync(string approvalId, ApprovalDecision decision, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Marks pending or approved-but-unused requests whose time is up as expired; returns them.</summary>
    Task<IReadOnlyList<ApprovalRequest>> ExpireDueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Approved, unexpired → used by <paramref name="runId"/>, once (false: not approved, expired, or used already).</summary>
    Task<bool> ConsumeAsync(string approvalId, string runId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Used by <paramref name="runId"/> → approved again (the run was refused after all, e.g. busy).</summary>
    Task ReleaseAsync(string approvalId, string runId, CancellationToken cancellationToken);

    /// <summary>Pending requests, oldest first (for <c>/drill status</c> and the API).</summary>
    Task<IReadOnlyList<ApprovalRequest>> ListPendingAsync(CancellationToken cancellationToken);
}
