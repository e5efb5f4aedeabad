using DrillBot.Drills.Definitions;
using DrillBot.Drills.Running;
using DrillBot.Drills.Scheduling;
using DrillBot.Runs;
using DrillBot.Store.Runs;

namespace DrillBot.Api;

/// <summary>The API's JSON shapes other than the report (which is the engine's, unchanged).</summary>
internal static class RunDocuments
{
    public static object Drill(DrillDefinition drill, DateTimeOffset now, ActiveRun? local, RunSummary? remote) => new
    {
        name = drill.Name,
        description = drill.Description,
        schedule = drill.Schedule,
        timeZone = drill.TimeZone.Id,
        nextFireAt = DrillSchedule.NextFireTimes(drill, now, 1).Select(t => (DateTimeOffset?)t.ToUniversalTime()).FirstOrDefault(),
        clusters = drill.TouchedClusters,
        steps = drill.Steps.Select(s => s.Kind).ToList(),
        running = local is not null
            ? new { runId = local.RunId, phase = local.Run.Phase.WireName(), instance = (string?)null }
            : remote is not null ? new { runId = remote.RunId, phase = "running", instance = (string?)remote.OwnerInstance } : null,
    };

    public static object Summary(RunSummary run, Uri? html) => new
    {
        runId = run.RunId,
        drill = run.Drill,
        status = run.Status.WireName(),
        verdict = run.Verdict?.WireName(),
        restore = run.RestoreStatus?.WireName(),
        trigger = Trigger(run),
        approvalId = run.ApprovalId,
        startedAt = run.StartedAt.ToUniversalTime(),
        finishedAt = run.FinishedAt?.ToUniversalTime(),
        recoverySeconds = run.Recovery?.TotalSeconds,
        summary = run.Summary,
        instance = run.OwnerInstance,
        report = html,
    };

    /// <summary>A run without a report yet: running (phase when it runs here) or interrupted.</summary>
    public static object Status(RunSummary run, ActiveRun? local) => new
    {
        runId = run.RunId,
        drill = run.Drill,
        status = run.Status.WireName(),
        phase = local?.Run.Phase.WireName(),
        abortRequested = local?.AbortRequested,
        trigger = Trigger(run),
        approvalId = run.ApprovalId,
        startedAt = run.StartedAt.ToUniversalTime(),
        instance = run.OwnerInstance,
    };

    /// <summary>The history's <c>trigger</c>, with <c>overrideBlackout {blackout, reason, by}</c> as in the report (null when none).</summary>
    public static object Trigger(RunSummary run) => new
    {
        kind = run.Trigger.Kind.WireName(),
        by = run.Trigger.By,
        overrideBlackout = run.OverrideBlackout is { } blackout ? new { blackout, reason = run.Trigger.OverrideBlackoutReason, by = run.Trigger.By } : null,
    };
}
