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
        ctx.Recording.Moments.StartedAt = ctx.Setup.Time.GetUtcNow();
        using var working = LocalWork.Register(ctx.Setup.Holder); // this process is at work under the run's lease holder
        Log.RunStarted(ctx.Setup.Logger, ctx.Setup.RunId, ctx.Setup.Drill.Name, ctx.Setup.Trigger.Kind, ctx.Setup.Trigger.By);
        ctx.Emit(new RunStarted(ctx.Setup.RunId, ctx.Setup.Drill.Name, ctx.Recording.Moments.StartedAt, ctx.Setup.Trigger));
        using var timeout = new CancellationTokenSource(ctx.Setup.Drill.Timeout, ctx.Setup.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(abort, timeout.Token, ctx.DriftAbort.Token);
        ctx.StartDriftWatch();
        using var stopProbe = new CancellationTokenSource();
        var transport = ctx.Setup.Options.ProbeTransport ?? new HttpProbeTransport(ctx.Setup.Drill.Probe.MaxInFlight, ctx.Setup.Time);
        RunLock? runLock = null;
        var probing = Task.CompletedTask;
        try
        {
            ctx.EnterPhase(RunPhase.Preflight);
            runLock = await PreflightPhase.RunAsync(ctx, linked.Token);
            if (ctx.Recording.Outcome is null)
            {
                var prober = new ProbeRunner(ctx.Setup.Drill.Probe, transport, ctx.Setup.Time);
                ctx.ProbesSent = () => prober.Sent;
                probing = Task.Run(() => prober.RunAsync(Sample, stopProbe.Token), CancellationToken.None);
                await SteadyStateAsync(linked.Token);
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

    private void Sample(ProbeSample sample)
    {
        ctx.Recording.Samples.Add(sample);
        ctx.Emit(new ProbeSampled(ctx.Setup.RunId, ctx.Setup.Drill.Name, ctx.Setup.Time.GetUtcNow(), sample));
    }

    private async Task SteadyStateAsync(CancellationToken cancellationToken)
    {
        ctx.EnterPhase(RunPhase.SteadyState);
        ctx.Recording.Moments.SteadyFrom = ctx.Setup.Time.GetUtcNow();
        ctx.Recording.Mark("steady-state", "steady state check");
        await Task.Delay(ctx.Setup.Drill.SteadyState.Duration, ctx.Setup.Time, cancellationToken);
        ctx.Recording.Moments.SteadyTo = ctx.Setup.Time.GetUtcNow();
        await ObservePhase.DrainAsync(ctx, ctx.Setup.Drill.Probe.Timeout);
        var steady = SampleWindows.Between(ctx.Recording.Samples.All(), ctx.Recording.Moments.SteadyFrom.Value, ctx.Recording.Moments.SteadyTo.Value).ToList();
        var ratio = steady.Count == 0 ? 0 : steady.Count(s => s.Ok) / (double)steady.Count;
        if (steady.Count == 0 || ratio < ctx.Setup.Drill.SteadyState.MinOkRatio - 1e-9)
        {
            var classes = string.Join(", ", steady.GroupBy(s => s.Class).Select(g => $"{g.Key} {g.Count()}"));
            ctx.Recording.Stop(Verdict.Aborted, $"steady state did not hold before the fault: ok ratio {ratio:0.###} < {ctx.Setup.Drill.SteadyState.MinOkRatio:0.###} over {steady.Count} samples ({classes})");
        }
    }

    private async Task<DrillReport> FinishAsync(RunLock? runLock, Task probing, CancellationTokenSource stopProbe, IProbeTransport transport)
    {
        await ctx.Drift.DisposeAsync(); // the restore's own writes are not drift
        var restore = await RestorePhase.RestoreAsync(ctx);
        if (ctx.Recording.Outcome is null && restore.Status != RestoreStatus.Failed && restore.Items.Count > 0)
        {
            await RestorePhase.FailbackAsync(ctx, restore.FinishedAt);
        }

        await stopProbe.CancelAsync();
        await probing;
        if (ctx.Setup.Options.ProbeTransport is null)
        {
            (transport as IDisposable)?.Dispose(); // ours; a transport given in the options belongs to the caller
        }
        var analysis = DrillAnalyzer.Analyze(new AnalysisInput(ctx.Setup.Drill, ctx.Recording.Samples.All(), ctx.Recording.Moments.SteadyFrom, ctx.Recording.Moments.SteadyTo, ctx.Recording.Moments.FaultAt, ctx.Recording.Moments.LastStepAt, ctx.Recording.Moments.ObserveEndAt, ctx.Recording.Moments.RestoreFinishedAt, ctx.Recording.Moments.ArmedAt, ctx.Recording.Moments.FaultStartedAt) { DeploymentsReadyAt = ctx.Recording.Moments.DeploymentsReadyAt, DeploymentsNotReady = ctx.Recording.DeploymentsNotReady });
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
