using DrillBot.Drills.Analysis;
using DrillBot.Drills.Cluster;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running.Events;

namespace DrillBot.Drills.Running;

/// <summary>Restore (always), then failback: the steady state must hold again within restore.verifyWithin.</summary>
internal static class RestorePhase
{
    public static async Task<RestoreResult> RestoreAsync(RunContext ctx)
    {
        ctx.EnterPhase(RunPhase.Restore);
        ctx.Recording.Mark("restore-start", "restore started");
        var result = await RestoreRecordsAsync(ctx, Records(ctx));
        ctx.Recording.Mark("restore-done", $"restore {result.Status.WireName()}", result.FinishedAt);
        return result;
    }

    /// <summary>The run's journal records so far (a copy).</summary>
    public static List<JournalRecord> Records(RunContext ctx)
    {
        lock (ctx.Recording.Records)
        {
            return [.. ctx.Recording.Records];
        }
    }

    /// <summary>
    /// Restores <paramref name="records"/> (those not restored yet, newest first) and marks each one restored in the run's
    /// records, so that a later restore of the run does not touch it again.
    /// </summary>
    public static async Task<RestoreResult> RestoreRecordsAsync(RunContext ctx, IReadOnlyList<JournalRecord> records)
    {
        using var deadline = new CancellationTokenSource(ctx.Setup.Options.RestoreTimeout, ctx.Setup.Time);
        var runner = new RestoreRunner(ctx.Setup.Journal, Client(ctx), ctx.Setup.Time, n => ctx.Setup.CheckpointAsync($"restore-item:{n}"));
        var order = records.Where(r => r.State != JournalEntryState.Restored).OrderByDescending(r => r.Entry.Sequence).ToList();
        var result = await runner.RestoreAsync(ctx.Setup.RunId, records, item =>
        {
            if (!item.Ok)
            {
                Log.RestoreFailed(ctx.Setup.Logger, ctx.Setup.RunId, item.Target.ToString(), item.Error);
            }

            ctx.Emit(new RestoreItemDone(ctx.Setup.RunId, ctx.Setup.Drill.Name, ctx.Setup.Time.GetUtcNow(), item));
        }, deadline.Token);
        lock (ctx.Recording.Records)
        {
            // the runner restores in exactly this order, one item per record
            foreach (var (record, item) in order.Zip(result.Items).Where(x => x.Second.Ok))
            {
                var at = ctx.Recording.Records.FindIndex(r => r.Entry.Sequence == record.Entry.Sequence);
                ctx.Recording.Records[at] = ctx.Recording.Records[at] with { State = JournalEntryState.Restored };
            }
        }

        return result;
    }

    private static Func<string, ClusterResult<IClusterClient>> Client(RunContext ctx) => name =>
        ctx.Clients.TryGetValue(name, out var c) ? ClusterResult<IClusterClient>.Success(c)
        : ctx.Setup.Config.Clusters.TryGetValue(name, out var def) ? ctx.Setup.Options.Clusters.Create(def)
        : ClusterResult<IClusterClient>.Failure(new ClusterError(ClusterErrorKind.Invalid, null, $"cluster {name} is not declared in drills.yaml"));

    /// <summary>
    /// Probes until failback is proved — a steady-state window after the restore, the restored Deployments ready again
    /// and, with restore.failback, the original region serving its share (docs/drills-yaml.md#restore), on every probe —
    /// or verifyWithin passes.
    /// </summary>
    public static async Task FailbackAsync(RunContext ctx, DateTimeOffset restored, IReadOnlyList<JournalRecord> records)
    {
        ctx.EnterPhase(RunPhase.Failback);
        ctx.Recording.Moments.RestoreFinishedAt = restored;
        var readiness = new FailbackReadiness(ctx, records);
        if (await BackAsync(ctx, restored, readiness) is { } at)
        {
            ctx.Recording.Mark("failback", ctx.Setup.Drill.Restore.Failback is { } f ? $"{f.ServedBy} serves again" : "steady state again", at);
        }
        else
        {
            ctx.Recording.DeploymentsNotReady = readiness.Pending;
        }

        ctx.Recording.Moments.DeploymentsReadyAt = readiness.ReadyAt;
    }

    /// <summary>
    /// The moment the run is back after a restore that finished at <paramref name="restored"/>: the latest of every probe's
    /// failback moment, once <paramref name="readiness"/> holds; null when that did not happen within verifyWithin.
    /// </summary>
    public static async Task<DateTimeOffset?> BackAsync(RunContext ctx, DateTimeOffset restored, FailbackReadiness readiness, CancellationToken cancellationToken = default)
    {
        var deadline = restored + ctx.Setup.Drill.Restore.VerifyWithin;
        var marked = false;
        while (ctx.Setup.Time.GetUtcNow() <= deadline + ctx.Setup.Drill.Probe.Interval)
        {
            await Task.Delay(ObservePhase.CheckEvery(ctx.Setup.Drill), ctx.Setup.Time, cancellationToken);
            if (!await readiness.ReadyAsync(cancellationToken))
            {
                continue;
            }

            if (readiness.ReadyAt is { } readyAt && !marked)
            {
                ctx.Recording.Mark("failback-ready", "restored Deployments ready", readyAt);
                marked = true;
            }

            DateTimeOffset? latest = restored;
            foreach (var log in ctx.Recording.Probes)
            {
                var at = FailbackWindows.Moment(log.View.Drill, log.Complete(), restored, readiness.ReadyAt, null).At;
                latest = at is { } a && latest is { } l ? (a > l ? a : l) : null;
            }

            if (latest is { } back)
            {
                return back;
            }
        }

        return null;
    }
}
