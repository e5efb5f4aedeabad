using DrillBot.Drills.Analysis;
using DrillBot.Drills.Locking;
using DrillBot.Drills.Probing;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running.Events;

namespace DrillBot.Drills.Running;

/// <summary>
/// One run, start to end: preflight → steady state → (control run) → steps → observe → restore → failback →
/// verdict. Whatever happens before restore (abort, timeout, an error, an exception), restore runs.
/// </summary>
internal sealed class DrillRunner(RunContext ctx, CancellationToken abort)
{
    public async Task<DrillReport> RunAsync()
    {
        ctx.Recording.Moments.StartedAt = ctx.Setup.Time.GetUtcNow();
        using var working = LocalWork.Register(ctx.Setup.Holder); // this process is at work under the run's lease holder
        Log.RunStarted(ctx.Setup.Logger, ctx.Setup.RunId, ctx.Setup.Drill.Name, ctx.Setup.Trigger.Kind, ctx.Setup.Trigger.By);
        ctx.Emit(new RunStarted(ctx.Setup.RunId, ctx.Setup.Drill.Name, ctx.Recording.Moments.StartedAt, ctx.Setup.Trigger));
        using var timeout = new CancellationTokenSource(ctx.Setup.Drill.Timeout, ctx.Setup.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(abort, timeout.Token, ctx.DriftAbort.Token);
        ctx.StartDriftWatch();
        using var stopProbe = new CancellationTokenSource();
        var transport = ctx.Setup.Options.ProbeTransport ?? new HttpProbeTransport(ctx.Recording.Probes.Max(p => p.Probe.MaxInFlight), ctx.Setup.Time);
        RunLock? runLock = null;
        var probing = Task.CompletedTask;
        try
        {
            ctx.EnterPhase(RunPhase.Preflight);
            runLock = await PreflightPhase.RunAsync(ctx, linked.Token);
            if (ctx.Recording.Outcome is null)
            {
                probing = Probers.Start(ctx, transport, stopProbe.Token);
                await SteadyStatePhase.RunAsync(ctx, linked.Token);
            }

            if (ctx.Recording.Outcome is null && ctx.Setup.Drill.Control is not null)
            {
                await ControlPhase.RunAsync(ctx, () => runLock?.LostMessage, linked.Token);
            }

            if (ctx.Recording.Outcome is null)
            {
                ctx.EnterPhase(RunPhase.Steps);
                await StepsPhase.RunAsync(ctx, linked.Token);
            }

            if (ctx.Recording.Outcome is null)
            {
                ctx.EnterPhase(RunPhase.Observe);
                await ctx.Setup.CheckpointAsync("observe");
                await ObservePhase.RunAsync(ctx, () => runLock?.LostMessage, linked.Token);
            }
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            if (!ctx.DriftAbort.IsCancellationRequested) // drift stopped the run with its own reason
            {
                ctx.Recording.Stop(Verdict.Aborted, abort.IsCancellationRequested ? "aborted on request" : $"timed out after {ctx.Setup.Drill.Timeout.TotalSeconds:0.###}s");
                ctx.Recording.Mark("abort", abort.IsCancellationRequested ? "aborted" : "timeout");
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log.Unexpected(ctx.Setup.Logger, e, ctx.Setup.RunId);
            ctx.Recording.Stop(Verdict.Errored, $"the engine broke: {e.Message}");
        }

        ctx.Recording.Moments.ObserveEndAt ??= ctx.Setup.Time.GetUtcNow();
        return await FinishAsync(runLock, probing, stopProbe, transport);
    }

    private async Task<DrillReport> FinishAsync(RunLock? runLock, Task probing, CancellationTokenSource stopProbe, IProbeTransport transport)
    {
        await ctx.Drift.DisposeAsync(); // the restore's own writes are not drift
        var pending = RestorePhase.Records(ctx).Where(r => r.State != Journal.JournalEntryState.Restored).ToList();
        var restore = await RestorePhase.RestoreAsync(ctx);
        if (ctx.Recording.Outcome is null && restore.Status != RestoreStatus.Failed && restore.Items.Count > 0)
        {
            await RestorePhase.FailbackAsync(ctx, restore.FinishedAt, pending);
        }

        await stopProbe.CancelAsync();
        try
        {
            await probing;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // the objects are restored; a broken prober must not lose the report (Completion never faults)
            Log.Unexpected(ctx.Setup.Logger, e, ctx.Setup.RunId);
            ctx.Recording.Stop(Verdict.Errored, $"the prober broke: {e.Message}");
        }

        if (ctx.Setup.Options.ProbeTransport is null)
        {
            (transport as IDisposable)?.Dispose(); // ours; a transport given in the options belongs to the caller
        }
        var analysis = RunAnalysis.Of(ctx);
        // failed beats inconclusive beats passed
        var verdict = ctx.Recording.Outcome ?? (analysis.AnyCheckFailed ? Verdict.Failed : analysis.Inconclusive ? Verdict.Inconclusive : Verdict.Passed);

        // a run whose restore failed stays unfinished in the journal, so that `drillbot restore` (or the service) finishes it
        try
        {
            if (ctx.Recording.Begun && restore.Status != RestoreStatus.Failed)
            {
                await ctx.Setup.Journal.CompleteRunAsync(ctx.Setup.RunId, verdict.WireName(), CancellationToken.None);
            }

            if (runLock is not null)
            {
                await runLock.DisposeAsync();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // the restore is done; a journal or lease hiccup here must not lose the report (the lease expires by itself)
            Log.JournalFailed(ctx.Setup.Logger, e, ctx.Setup.RunId);
        }
        var reasons = new List<string>(ctx.Recording.ReasonsSoFar());
        if (ctx.Recording.Outcome is null)
        {
            reasons.AddRange(analysis.Reasons);
        }

        reasons.AddRange(RestoreReasons(restore));
        var finished = ctx.Setup.Time.GetUtcNow();
        foreach (var check in analysis.Checks)
        {
            ctx.Emit(new CheckSettled(ctx.Setup.RunId, ctx.Setup.Drill.Name, finished, check));
        }

        ctx.Emit(new VerdictReached(ctx.Setup.RunId, ctx.Setup.Drill.Name, finished, verdict, reasons));
        var report = ReportBuilder.Build(ctx.Setup, ctx.Recording, analysis, restore, verdict, reasons, finished);
        ctx.EnterPhase(RunPhase.Finished);
        Log.RunFinished(ctx.Setup.Logger, ctx.Setup.RunId, verdict, restore.Status.ToString());
        ctx.Emit(new RunFinished(ctx.Setup.RunId, ctx.Setup.Drill.Name, finished, report));
        return report;
    }

    private static IEnumerable<string> RestoreReasons(RestoreResult restore)
    {
        foreach (var item in restore.Items.Where(i => !i.Ok))
        {
            yield return $"RESTORE FAILED for {item.Target}: {item.Error} — it may still hold the drill's change {item.During} (before the drill: {item.Before})";
        }

        foreach (var item in restore.Items.Where(i => i.Ok && i.Conflicts.Count > 0))
        {
            yield return $"restore of {item.Target} kept someone else's change: {string.Join("; ", item.Conflicts)}";
        }
    }
}
