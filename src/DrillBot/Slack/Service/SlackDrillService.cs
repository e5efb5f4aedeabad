using DrillBot.Configuration;
using DrillBot.Drills.Running;
using DrillBot.Drills.Scheduling;
using DrillBot.Governance.Approvals;
using DrillBot.Governance.Freeze;
using DrillBot.Runs;
using DrillBot.Slack.BlockKit;
using DrillBot.Slack.Handling;
using DrillBot.Slack.Outbox;
using DrillBot.Store;
using DrillBot.Store.Runs;

namespace DrillBot.Slack.Service;

/// <summary>What Slack may ask of the service, answered by the <see cref="RunCoordinator"/>, approvals, the freeze and the store.</summary>
internal sealed class SlackDrillService(
    RunCoordinator coordinator,
    DrillsConfigState config,
    ActiveRuns active,
    IDrillBotStore store,
    ReportLinks links,
    ApprovalService approvals,
    FreezeService freeze,
    SlackApprovalViews approvalViews,
    SlackOutbox outbox,
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
        if (!request.DryRun && config.Current.FindDrill(request.Drill) is { Approval: not null } drill)
        {
            return await RequestApprovalAsync(drill, request, by, cancellationToken);
        }

        var trigger = new RunTrigger(TriggerKind.Slack, by) { OverrideBlackoutReason = request.OverrideBlackout };
        return Map(await coordinator.StartAsync(new RunRequest(request.Drill, trigger, request.DryRun, request.UserId), cancellationToken));
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

    public Task<SlackOverrideCheck> CheckOverrideAsync(string drill, CancellationToken cancellationToken)
    {
        var current = config.Current;
        if (current.FindDrill(drill) is not { } definition)
        {
            return Task.FromResult<SlackOverrideCheck>(new SlackOverrideCheck.UnknownDrill(drill, current.Drills.Select(d => d.Name).ToList()));
        }

        var now = time.GetUtcNow();
        return Task.FromResult<SlackOverrideCheck>(ActiveBlackout.At(current.Blackouts, now) is { } blackout
            ? new SlackOverrideCheck.Blackout(drill, blackout.Window.Name, BlackoutRefusal.Until(blackout.Window, now, definition.TimeZone))
            : new SlackOverrideCheck.NoBlackout(drill));
    }

    public async Task<SlackFreezeResult> FreezeAsync(string userId, string userName, string reason, CancellationToken cancellationToken)
    {
        var change = await freeze.FreezeAsync(Handle(userId, userName), "slack:" + userId, reason, cancellationToken);
        var state = change.State;
        return new SlackFreezeResult(change.Changed, state.Frozen, state.By, state.Reason, state.Since) { Stopping = change.Running.Select(r => r.RunId).ToList() };
    }

    public async Task<SlackFreezeResult> UnfreezeAsync(string userId, string userName, CancellationToken cancellationToken)
    {
        var change = await freeze.UnfreezeAsync(Handle(userId, userName), "slack:" + userId, cancellationToken);
        return new SlackFreezeResult(change.Changed, change.State.Frozen, change.State.LiftedBy, change.State.Reason, change.State.LiftedAt);
    }

    public async Task<SlackFreezeResult?> GetFreezeAsync(CancellationToken cancellationToken) =>
        await freeze.GetAsync(cancellationToken) is { Frozen: true } state ? new SlackFreezeResult(false, true, state.By, state.Reason, state.Since) : null;

    public async Task<IReadOnlyList<SlackApprovalView>> GetPendingApprovalsAsync(CancellationToken cancellationToken) =>
        (await store.Approvals.ListPendingAsync(cancellationToken)).Select(approvalViews.Of).ToList();

    public async Task<SlackDecisionResult> DecideApprovalAsync(string approvalId, string userId, string userName, bool approve, CancellationToken cancellationToken) =>
        await approvals.DecideAsync(approvalId, userId, userName, approve, cancellationToken) switch
        {
            DecisionOutcome.Approved { Request.AutoStart: true } a => await StartApprovedAsync(a.Request, cancellationToken),
            DecisionOutcome.Approved a => new SlackDecisionResult.Approved(a.Request.Drill, null, null),
            DecisionOutcome.Recorded r => new SlackDecisionResult.Recorded(r.Request.Drill, r.Request.Approvals, r.Request.Required),
            DecisionOutcome.Rejected r => new SlackDecisionResult.Rejected(r.Request.Drill),
            DecisionOutcome.SelfApproval s => new SlackDecisionResult.SelfApproval(s.Request.Drill),
            DecisionOutcome.NotAnApprover n => new SlackDecisionResult.NotAnApprover(n.Request.Drill, n.Request.Approvers, n.Problem),
            DecisionOutcome.AlreadyDecided d => new SlackDecisionResult.AlreadyDecided(d.Request.Drill),
            DecisionOutcome.Closed c => new SlackDecisionResult.Closed(c.Request.Drill, c.Request.Status.WireName()),
            _ => new SlackDecisionResult.NotFound(approvalId),
        };

    /// <summary>The approved request's run, started as the requester asked it (trigger slack, by the requester); the thread says how it went.</summary>
    private async Task<SlackDecisionResult> StartApprovedAsync(Store.Approvals.ApprovalRequest request, CancellationToken cancellationToken)
    {
        var trigger = new RunTrigger(TriggerKind.Slack, request.RequestedBy) { OverrideBlackoutReason = request.OverrideReason };
        var slackUser = request.Source.StartsWith("slack:", StringComparison.Ordinal) ? request.RequesterId : null;
        var outcome = await coordinator.StartAsync(new RunRequest(request.Drill, trigger, SlackUserId: slackUser) { ApprovalId = request.ApprovalId, Source = request.Source }, cancellationToken);
        var started = outcome as StartOutcome.Started;
        var refusal = started is null ? Governance.Audit.RunAudit.Describe(outcome) : null;
        await approvals.NoteAsync(request, "run", started is null ? $"Approved, but the run did not start: {refusal}" : $"Run {started.RunId} started: it is posted in this channel.", cancellationToken);
        await outbox.ApprovalClosedAsync(approvalViews.Of(request) with { Status = "approved", RunId = started?.RunId }, cancellationToken);
        return new SlackDecisionResult.Approved(request.Drill, started?.RunId, refusal);
    }

    /// <summary>A drill with approvers: refused at once when frozen or in a blackout without override, else a request posted in the channel.</summary>
    private async Task<SlackStartResult> RequestApprovalAsync(Drills.Definitions.DrillDefinition drill, SlackStartRequest request, string by, CancellationToken cancellationToken)
    {
        if (await freeze.GetAsync(cancellationToken) is { Frozen: true } frozen)
        {
            return new SlackStartResult.Frozen(frozen.By ?? "?", frozen.Reason ?? "", frozen.Since);
        }

        var now = time.GetUtcNow();
        if (ActiveBlackout.At(config.Current.Blackouts, now) is { } blackout && string.IsNullOrWhiteSpace(request.OverrideBlackout))
        {
            return new SlackStartResult.Blackout(blackout.Window.Name, blackout.Until) { UntilText = BlackoutRefusal.Until(blackout.Window, now, drill.TimeZone) };
        }

        var created = await approvals.RequestAsync(drill.Name, by, request.UserId, "slack:" + request.UserId, autoStart: true, request.OverrideBlackout, cancellationToken);
        return created is null
            ? new SlackStartResult.Refused($"{drill.Name} needs no approval any more; try again")
            : new SlackStartResult.ApprovalRequested(created.ApprovalId, created.Required, created.Approvers, created.ExpiresAt);
    }

    private static SlackStartResult Map(StartOutcome outcome) => outcome switch
    {
        StartOutcome.Started s => new SlackStartResult.Started(s.RunId),
        StartOutcome.Planned p => new SlackStartResult.Planned(PlanText.Render(p.Plan)),
        StartOutcome.Busy b => new SlackStartResult.Busy(b.RunningDrill, b.RunId),
        StartOutcome.Blackout w => new SlackStartResult.Blackout(w.Window, w.Until) { UntilText = w.UntilText },
        StartOutcome.UnknownDrill u => new SlackStartResult.UnknownDrill(u.Drill, u.Known),
        StartOutcome.Frozen f => new SlackStartResult.Frozen(f.By, f.Reason, f.Since),
        StartOutcome.NeedsApproval a => new SlackStartResult.Refused(a.Reason),
        StartOutcome.Refused r => new SlackStartResult.Refused(r.Reason),
        _ => new SlackStartResult.Refused("unexpected outcome"),
    };

    /// <summary><c>@ann</c> for a freeze's author (the name in every aborted report: <c>frozen by @ann: …</c>).</summary>
    private static string Handle(string userId, string userName) => string.IsNullOrWhiteSpace(userName) ? userId : "@" + userName;

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
        OverrideBlackout = run.OverrideBlackout is { } blackout ? new SlackOverrideView(blackout, run.Trigger.OverrideBlackoutReason ?? "", run.Trigger.By) : null,
        ApprovalId = run.ApprovalId,
    };
}
