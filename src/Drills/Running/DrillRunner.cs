using DrillBot.Drills.Analysis;
using DrillBot.Drills.Locking;
using DrillBot.Drills.Probing;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running.Events;

namespace DrillBot.Drills.Running;

/// <summary>
/// One run, start to end: preflight → steady state → steps → observe → restore → failback →
/// verdict. Whatever happens before restore (abort, timeout, an error, an exception), restore runs.
/// </summary>
internal sealed class DrillRunner(RunContext ctx, CancellationToken abort)
{
    public async Task<DrillReport> RunAsync()
    {
        ctx.StartedAt = ctx.Time.GetUtcNow();
        using var working = LocalWork.Register(ctx.Holder); // this process is at work under the run's lease holder
        Log.RunStarted(ctx.Logger, ctx.RunId, ctx.Drill.Name, ctx.Trigger.Kind, ctx.Trigger.By);
        ctx.Emit(new RunStarted(ctx.RunId, ctx.Drill.Name, ctx.StartedAt, ctx.Trigger));
        using var timeout = new CancellationTokenSource(ctx.Drill.Timeout, ctx.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(abort, timeout.Token);
        using var stopProbe = new CancellationTokenSource();
        var transport = ctx.Options.ProbeTransport ?? new HttpProbeTransport(ctx.Drill.Probe.MaxInFlight, ctx.Time);
        RunLock? runLock = null;
        var probing = Task.CompletedTask;
        try
        {
            ctx.EnterPhase(RunPhase.Preflight);
            runLock = await PreflightPhase.RunAsync(ctx, linked.Token);
            if (ctx.Outcome is null)
            {
                var prober = new ProbeRunner(ctx.Drill.Probe, transport, ctx.Time);
                ctx.ProbesSent = () => prober.Sent;
                probing = Task.Run(() => prober.RunAsync(Sample, stopProbe.Token), CancellationToken.None);
                await SteadyStateAsync(linked.Token);
            }

            if (ctx.Outcome is null)
            {
                ctx.EnterPhase(RunPhase.Steps);
                await StepsPhase.RunAsync(ctx, linked.Token);
            }

            if (ctx.Outcome is null)
            {
                ctx.EnterPhase(RunPhase.Observe);
                await ctx.CheckpointAsync("observe");
                await ObservePhase.RunAsync(ctx, () => runLock?.LostMessage, linked.Token);
            }
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            ctx.Stop(Verdict.Aborted, abort.IsCancellationRequested ? "aborted on request" : $"timed out after {ctx.Drill.Timeout.TotalSeconds:0.###}s");
            ctx.Mark("abort", abort.IsCancellationRequested ? "aborted" : "timeout");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log.Unexpected(ctx.Logger, e, ctx.RunId);
            ctx.Stop(Verdict.Errored, $"the engine broke: {e.Message}");
        }

        ctx.ObserveEndAt ??= ctx.Time.GetUtcNow();
        return await FinishAsync(runLock, probing, stopProbe, transport);
    }

    private void Sample(ProbeSample sample)
    {
        ctx.Samples.Add(sample);
        ctx.Emit(new ProbeSampled(ctx.RunId, ctx.Drill.Name, ctx.Time.GetUtcNow(), sample));
    }

    private async Task SteadyStateAsync(CancellationToken cancellationToken)
    {
        ctx.EnterPhase(RunPhase.SteadyState);
        ctx.SteadyFrom = ctx.Time.GetUtcNow();
        ctx.Mark("steady-state", "steady state check");
        await Task.Delay(ctx.Drill.SteadyState.Duration, ctx.Time, cancellationToken);
        ctx.SteadyTo = ctx.Time.GetUtcNow();
        await ObservePhase.DrainAsync(ctx, ctx.Drill.Probe.Timeout);
        var steady = SampleWindows.Between(ctx.Samples.All(), ctx.SteadyFrom.Value, ctx.SteadyTo.Value).ToList();
        var ratio = steady.Count == 0 ? 0 : steady.Count(s => s.Ok) / (double)steady.Count;
        if (steady.Count == 0 || ratio < ctx.Drill.SteadyState.MinOkRatio - 1e-9)
        {
            var classes = string.Join(", ", steady.GroupBy(s => s.Class).Select(g => $"{g.Key} {g.Count()}"));
            ctx.Stop(Verdict.Aborted, $"steady state did not hold before the fault: ok ratio {ratio:0.###} < {ctx.Drill.SteadyState.MinOkRatio:0.###} over {steady.Count} samples ({classes})");
        }
    }

    private async Task<DrillReport> FinishAsync(RunLock? runLock, Task probing, CancellationTokenSource stopProbe, IProbeTransport transport)
    {
        var restore = await RestorePhase.RestoreAsync(ctx);
        if (ctx.Outcome is null && restore.Status != RestoreStatus.Failed && restore.Items.Count > 0)
        {
            await RestorePhase.FailbackAsync(ctx, restore.FinishedAt);
        }

        await stopProbe.CancelAsync();
        await probing;
        if (ctx.Options.ProbeTransport is null)
        {
            (transport as IDisposable)?.Dispose(); // ours; a transport given in the options belongs to the caller
        }
        var analysis = DrillAnalyzer.Analyze(new AnalysisInput(ctx.Drill, ctx.Samples.All(), ctx.SteadyFrom, ctx.SteadyTo, ctx.FaultAt, ctx.LastStepAt, ctx.ObserveEndAt, ctx.RestoreFinishedAt) { DeploymentsReadyAt = ctx.DeploymentsReadyAt, DeploymentsNotReady = ctx.DeploymentsNotReady });
        var verdict = ctx.Outcome ?? (analysis.AllChecksPassed ? Verdict.Passed : Verdict.Failed);

        // a run whose restore failed stays unfinished in the journal, so that `drillbot restore` (or the service) finishes it
        try
        {
            if (ctx.Begun && restore.Status != RestoreStatus.Failed)
            {
                await ctx.Journal.CompleteRunAsync(ctx.RunId, verdict.ToString().ToLowerInvariant(), CancellationToken.None);
            }

            if (runLock is not null)
            {
                await runLock.DisposeAsync();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // the restore is done; a journal or lease hiccup here must not lose the report (the lease expires by itself)
            Log.JournalFailed(ctx.Logger, e, ctx.RunId);
        }
        var reasons = new List<string>(ctx.Reasons);
        if (ctx.Outcome is null)
        {
            reasons.AddRange(analysis.Reasons);
        }

        reasons.AddRange(RestoreReasons(restore));
        var finished = ctx.Time.GetUtcNow();
        foreach (var check in analysis.Checks)
        {
            ctx.Emit(new CheckSettled(ctx.RunId, ctx.Drill.Name, finished, check));
        }

        ctx.Emit(new VerdictReached(ctx.RunId, ctx.Drill.Name, finished, verdict, reasons));
        var report = ReportBuilder.Build(ctx, analysis, restore, verdict, reasons, finished);
        ctx.EnterPhase(RunPhase.Finished);
        Log.RunFinished(ctx.Logger, ctx.RunId, verdict, restore.Status.ToString());
        ctx.Emit(new RunFinished(ctx.RunId, ctx.Drill.Name, finished, report));
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
