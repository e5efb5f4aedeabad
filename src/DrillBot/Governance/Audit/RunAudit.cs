using System.Text.Json.Nodes;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Running;
using DrillBot.Runs;

namespace DrillBot.Governance.Audit;

/// <summary>
/// The audit events of starting a run: <c>run.requested</c> (before anything is decided), <c>run.refused</c> with the
/// outcome, and for a started run <c>run.override-blackout</c>, <c>run.started</c> and <c>approval.used</c>.
/// </summary>
internal sealed class RunAudit(AuditLog audit, RunsOptions options)
{
    public Task RequestedAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var detail = new JsonObject
        {
            ["trigger"] = request.Trigger.Kind.WireName(),
            ["dryRun"] = request.DryRun,
            ["overrideBlackout"] = request.Trigger.OverrideBlackoutReason,
            ["approvalId"] = request.ApprovalId,
            ["instance"] = options.InstanceId,
        };
        return audit.RecordAsync(AuditLog.Entry(request.Trigger.By, request.Source, AuditActions.RunRequested, detail, request.Drill, approvalId: request.ApprovalId), cancellationToken);
    }

    public Task RefusedAsync(RunRequest request, StartOutcome outcome) =>
        audit.TryRecordAsync(AuditLog.Entry(request.Trigger.By, request.Source, AuditActions.RunRefused, new JsonObject { ["outcome"] = Describe(outcome) }, request.Drill, approvalId: request.ApprovalId), CancellationToken.None);

    public async Task StartedAsync(DrillDefinition drill, RunRequest request, string runId, BlackoutDefinition? overridden)
    {
        if (overridden is not null)
        {
            var detail = new JsonObject { ["blackout"] = overridden.Name, ["reason"] = request.Trigger.OverrideBlackoutReason, ["by"] = request.Trigger.By };
            await audit.TryRecordAsync(AuditLog.Entry(request.Trigger.By, request.Source, AuditActions.BlackoutOverridden, detail, drill.Name, runId, request.ApprovalId), CancellationToken.None);
        }

        var started = new JsonObject
        {
            ["instance"] = options.InstanceId,
            ["trigger"] = request.Trigger.Kind.WireName(),
            ["approvalId"] = request.ApprovalId,
            ["preApproval"] = request.Trigger.Kind == TriggerKind.Schedule ? drill.Approval?.Schedule?.Reference : null,
        };
        await audit.TryRecordAsync(AuditLog.Entry(request.Trigger.By, request.Source, AuditActions.RunStarted, started, drill.Name, runId, request.ApprovalId), CancellationToken.None);
        if (request.ApprovalId is { } approvalId)
        {
            await audit.TryRecordAsync(AuditLog.Entry(request.Trigger.By, request.Source, AuditActions.ApprovalUsed, new JsonObject { ["runId"] = runId }, drill.Name, runId, approvalId), CancellationToken.None);
        }
    }

    /// <summary>One line per outcome for the audit log (<c>busy: …</c>, <c>blackout weekend …</c>, <c>frozen by @x: …</c>).</summary>
    public static string Describe(StartOutcome outcome) => outcome switch
    {
        StartOutcome.Started s => "started " + s.RunId,
        StartOutcome.Planned => "planned (dry run)",
        StartOutcome.Busy b => "busy: " + b.Detail,
        StartOutcome.Blackout w => $"blackout {w.Window} {w.UntilText}",
        StartOutcome.UnknownDrill u => $"unknown drill {u.Drill}",
        StartOutcome.Frozen f => $"frozen by {f.By}: {f.Reason}",
        StartOutcome.NeedsApproval a => "needs approval: " + a.Reason,
        StartOutcome.Refused r => "refused: " + r.Reason,
        _ => outcome.GetType().Name,
    };
}
