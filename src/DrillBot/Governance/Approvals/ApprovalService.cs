using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DrillBot.Configuration;
using DrillBot.Drills.Running;
using DrillBot.Governance.Audit;
using DrillBot.Logging;
using DrillBot.Metrics;
using DrillBot.Store;
using DrillBot.Store.Approvals;
using Microsoft.Extensions.Logging;

namespace DrillBot.Governance.Approvals;

/// <summary>
/// Approval requests (docs/service.md, "Approvals"): created for a drill with <c>approval</c> (from Slack, which starts
/// the run once approved, or the API, which runs with the approval id), decided by distinct approvers other than the
/// requester, expired after the drill's <c>expiresAfter</c> (15 min by default) on the injected clock. Every step is
/// audited and told to the notifiers (Slack: the request message and its thread).
/// </summary>
internal sealed class ApprovalService(
    IDrillBotStore store,
    DrillsConfigState config,
    IApproverDirectory directory,
    IEnumerable<IApprovalNotifier> notifiers,
    AuditLog audit,
    DrillMetrics metrics,
    TimeProvider time,
    ILogger<ApprovalService> logger)
{
    /// <summary>A new pending request; null when there is no such drill or it needs no approval.</summary>
    public async Task<ApprovalRequest?> RequestAsync(string drill, string requestedBy, string requesterId, string source, bool autoStart, string? overrideReason, CancellationToken cancellationToken)
    {
        if (config.Current.FindDrill(drill) is not { Approval: { } approval })
        {
            return null;
        }

        var now = time.GetUtcNow();
        var request = new ApprovalRequest(NewId(), drill, requestedBy, requesterId, source, approval.Required, approval.Approvers, autoStart, now, now + approval.ExpiresAfter)
        {
            OverrideReason = string.IsNullOrWhiteSpace(overrideReason) ? null : overrideReason.Trim(),
        };
        await store.Approvals.CreateAsync(request, cancellationToken);
        var detail = new JsonObject
        {
            ["required"] = request.Required,
            ["approvers"] = new JsonArray([.. request.Approvers.Select(a => (JsonNode?)JsonValue.Create(a))]),
            ["expiresAt"] = request.ExpiresAt.UtcDateTime,
            ["autoStart"] = autoStart,
            ["overrideBlackout"] = request.OverrideReason,
        };
        await audit.RecordAsync(AuditLog.Entry(requestedBy, source, AuditActions.ApprovalRequested, detail, drill, approvalId: request.ApprovalId), cancellationToken);
        ServiceLog.ApprovalChanged(logger, request.ApprovalId, drill, $"requested by {requestedBy} ({source})");
        foreach (var notifier in notifiers)
        {
            await notifier.RequestedAsync(request, cancellationToken);
        }

        return request;
    }

    public Task<ApprovalRequest?> GetAsync(string approvalId, CancellationToken cancellationToken) => store.Approvals.GetAsync(approvalId, cancellationToken);

    /// <summary>Records a click on Approve (<paramref name="approve"/>) or Reject by <paramref name="userId"/>.</summary>
    public async Task<DecisionOutcome> DecideAsync(string approvalId, string userId, string userName, bool approve, CancellationToken cancellationToken)
    {
        var request = await store.Approvals.GetAsync(approvalId, cancellationToken);
        if (request is null)
        {
            return new DecisionOutcome.NotFound(approvalId);
        }

        var source = "slack:" + userId;
        var now = time.GetUtcNow();
        if (request.Status != ApprovalStatus.Pending || now >= request.ExpiresAt)
        {
            return new DecisionOutcome.Closed(request.Status == ApprovalStatus.Pending ? request with { Status = ApprovalStatus.Expired } : request);
        }

        var own = request.RequesterId == userId;
        if (own && approve)
        {
            await RefusedAsync(request, userName, source, "the requester cannot approve their own request", cancellationToken);
            return new DecisionOutcome.SelfApproval(request);
        }

        var check = own ? new ApproverCheck(true, "requester") : await directory.CheckAsync(userId, request.Approvers, cancellationToken);
        if (!check.IsApprover)
        {
            await RefusedAsync(request, userName, source, "not an approver" + (check.Problem is null ? "" : $" ({check.Problem})"), cancellationToken);
            return new DecisionOutcome.NotAnApprover(request, check.Problem);
        }

        var decision = new ApprovalDecision(userId, userName, approve, now);
        var result = await store.Approvals.DecideAsync(approvalId, decision, now, cancellationToken);
        if (!result.Recorded)
        {
            return result.AlreadyDecided ? new DecisionOutcome.AlreadyDecided(result.Request!) : new DecisionOutcome.Closed(result.Request ?? request);
        }

        var decided = result.Request!;
        var detail = new JsonObject { ["decision"] = approve ? "approve" : "reject", ["via"] = check.Via, ["approvals"] = decided.Approvals, ["required"] = decided.Required };
        await audit.RecordAsync(AuditLog.Entry(userName, source, AuditActions.ApprovalDecided, detail, request.Drill, approvalId: approvalId), cancellationToken);
        if (decided.Status is ApprovalStatus.Approved or ApprovalStatus.Rejected)
        {
            var outcome = decided.Status.WireName();
            await audit.RecordAsync(AuditLog.Entry(userName, source, decided.Status == ApprovalStatus.Approved ? AuditActions.ApprovalApproved : AuditActions.ApprovalRejected, new JsonObject { ["approvers"] = Approvers(decided) }, request.Drill, approvalId: approvalId), cancellationToken);
            metrics.ApprovalEnded(request.Drill, outcome);
            ServiceLog.ApprovalChanged(logger, approvalId, request.Drill, $"{outcome} by {userName}");
        }

        foreach (var notifier in notifiers)
        {
            await notifier.DecidedAsync(decided, decision, cancellationToken);
        }

        return decided.Status switch
        {
            ApprovalStatus.Approved => new DecisionOutcome.Approved(decided),
            ApprovalStatus.Rejected => new DecisionOutcome.Rejected(decided),
            _ => new DecisionOutcome.Recorded(decided),
        };
    }

    /// <summary>Expires what is due now (pending, or approved and never used); audits and tells each once across replicas.</summary>
    public async Task<IReadOnlyList<ApprovalRequest>> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var expired = await store.Approvals.ExpireDueAsync(time.GetUtcNow(), cancellationToken);
        foreach (var request in expired)
        {
            var detail = new JsonObject { ["approvals"] = request.Approvals, ["required"] = request.Required, ["expiresAt"] = request.ExpiresAt.UtcDateTime };
            await audit.TryRecordAsync(AuditLog.Entry("drillbot", "service", AuditActions.ApprovalExpired, detail, request.Drill, approvalId: request.ApprovalId), cancellationToken);
            metrics.ApprovalEnded(request.Drill, "expired");
            ServiceLog.ApprovalChanged(logger, request.ApprovalId, request.Drill, "expired");
            foreach (var notifier in notifiers)
            {
                await notifier.ExpiredAsync(request, cancellationToken);
            }
        }

        return expired;
    }

    /// <summary>A line in the request's thread, through every notifier (e.g. the run an approval started).</summary>
    public async Task NoteAsync(ApprovalRequest request, string key, string text, CancellationToken cancellationToken)
    {
        foreach (var notifier in notifiers)
        {
            await notifier.NoteAsync(request, key, text, cancellationToken);
        }
    }

    private Task RefusedAsync(ApprovalRequest request, string userName, string source, string reason, CancellationToken cancellationToken) =>
        audit.TryRecordAsync(AuditLog.Entry(userName, source, AuditActions.ApprovalRefused, new JsonObject { ["reason"] = reason }, request.Drill, approvalId: request.ApprovalId), cancellationToken);

    private static JsonArray Approvers(ApprovalRequest request) =>
        new([.. request.Decisions.Select(d => (JsonNode?)new JsonObject { ["id"] = d.ApproverId, ["name"] = d.ApproverName, ["decision"] = d.Approved ? "approve" : "reject" })]);

    private static string NewId() => "apr-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
}
