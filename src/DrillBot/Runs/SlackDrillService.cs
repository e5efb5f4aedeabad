using DrillBot.Drills.Running;
using DrillBot.Drills.Scheduling;
using DrillBot.Hosting;
using DrillBot.Slack.BlockKit;
using DrillBot.Slack.Handling;
using DrillBot.Store;
using DrillBot.Store.Runs;

namespace DrillBot.Runs;

/// <summary>What Slack may ask of the service, answered by the <see cref="RunCoordinator"/> and the store.</summary>
internal sealed class SlackDrillService(
    RunCoordinator coordinator,
    DrillsConfigState config,
    ActiveRuns active,
    IDrillBotStore store,
    ReportLinks links,
    TimeProvider time) : ISlackDrillService
{
    public async Task<IReadOnlyList<SlackDrillInfo>> ListDrillsAsync(CancellationToken cancellationToken)
    {
        var running = (await store.Runs.ListRunningAsync(cancellationToken)).Select(r => r.Drill).ToHashSet(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        return config.Current.Drills
            .Select(d => new SlackDrillInfo(d.Name, d.Description, d.Schedule, DrillSchedule.NextFireTimes(d, now, 1).FirstOrDefault() is { } next && d.Schedule is not null ? next : null, running.Contains(d.Name)))
            .ToList();
    }

    public async Task<SlackStartResult> StartRunAsync(SlackStartRequest request, CancellationToken cancellationToken)
    {
        var by = string.IsNullOrWhiteSpace(request.UserName) ? request.UserId : request.UserName;
        var outcome = await coordinator.StartAsync(new RunRequest(request.Drill, new RunTrigger(TriggerKind.Slack, by), request.DryRun, request.UserId), cancellationToken);
        return outcome switch
        {
            StartOutcome.Started s => new SlackStartResult.Started(s.RunId),
            StartOutcome.Planned p => new SlackStartResult.Planned(PlanText.Render(p.Plan)),
            StartOutcome.Busy b => new SlackStartResult.Busy(b.RunningDrill, b.RunId),
            StartOutcome.Blackout w => new SlackStartResult.Blackout(w.Window, w.Until),
            StartOutcome.UnknownDrill u => new SlackStartResult.UnknownDrill(u.Drill, u.Known),
            StartOutcome.Refused r => new SlackStartResult.Refused(r.Reason),
            _ => new SlackStartResult.Refused("unexpected outcome"),
        };
    }

    public async Task<SlackAbortResult> AbortRunAsync(string? runId, string requestedBy, CancellationToken cancellationToken) =>
        await coordinator.AbortAsync(runId, requestedBy, cancellationToken) switch
        {
            AbortOutcome.Aborting a => new SlackAbortResult.Aborting(a.RunId, a.Drill),
            AbortOutcome.NotFound n => new SlackAbortResult.NotFound(n.RunId),
            AbortOutcome.AlreadyFinished f => new SlackAbortResult.AlreadyFinished(f.RunId, f.Verdict),
            AbortOutcome.Ambiguous m => new SlackAbortResult.Ambiguous(m.RunIds),
            _ => new SlackAbortResult.NothingRunning(),
        };

    public async Task<IReadOnlyList<SlackRunView>> GetActiveRunsAsync(CancellationToken cancellationToken)
    {
        var local = active.All();
        var views = local.Select(r => new SlackRunView
        {
            Drill = r.Drill.Name,
            RunId = r.RunId,
            Description = r.Drill.Description,
            TriggerKind = r.Request.Trigger.Kind.WireName(),
            TriggeredBy = r.Request.Trigger.By,
            SlackUserId = r.Request.SlackUserId,
            Phase = r.Run.Phase.WireName(),
            StartedAt = r.Run.StartedAt,
            ReportUrl = links.For(r.RunId),
        }).ToList();
        var mine = local.Select(r => r.RunId).ToHashSet(StringComparer.Ordinal);
        views.AddRange((await store.Runs.ListRunningAsync(cancellationToken)).Where(r => !mine.Contains(r.RunId)).Select(View));
        return views;
    }

    public async Task<IReadOnlyList<SlackRunView>> GetHistoryAsync(string? drill, int max, CancellationToken cancellationToken) =>
        (await store.Runs.ListLatestAsync(max, drill, cancellationToken)).Select(View).ToList();

    private SlackRunView View(RunSummary run) => new()
    {
        Drill = run.Drill,
        RunId = run.RunId,
        TriggerKind = run.Trigger.Kind.WireName(),
        TriggeredBy = run.Trigger.By,
        Phase = run.Status == RunStatus.Running ? $"running on {run.OwnerInstance}" : null,
        Verdict = run.Verdict?.WireName(),
        StartedAt = run.StartedAt,
        FinishedAt = run.FinishedAt,
        RecoverySeconds = run.Recovery?.TotalSeconds,
        RestoreStatus = run.RestoreStatus?.WireName(),
        ReportUrl = links.For(run.RunId),
        Reasons = run.Summary is null ? [] : [run.Summary],
    };
}
