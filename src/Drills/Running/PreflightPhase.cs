using DrillBot.Drills.Cluster;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Locking;
using DrillBot.Drills.Owners;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Preflight;
using DrillBot.Drills.Scheduling;
using DrillBot.Drills.Steps;

namespace DrillBot.Drills.Running;

/// <summary>
/// Preflight: blackouts, cluster clients, owners and permissions (reads only), the lock, the journal, leftovers of dead runs,
/// preconditions, the failover preflight, and last the pause of the owners <c>owners: pause</c> chose (the first changes).
/// </summary>
internal static class PreflightPhase
{
    public static async Task<RunLock?> RunAsync(RunContext ctx, CancellationToken cancellationToken)
    {
        var now = ctx.Setup.Time.GetUtcNow();
        if (ActiveBlackout.At(ctx.Setup.Config.Blackouts, now) is { } blackout)
        {
            // scheduled fires are never overridden: only a person, with a reason on record
            if (ctx.Setup.Trigger is { Kind: not TriggerKind.Schedule, OverrideBlackoutReason: { } reason } && !string.IsNullOrWhiteSpace(reason))
            {
                ctx.Recording.BlackoutOverride = new BlackoutOverride(blackout.Window.Name, reason.Trim(), ctx.Setup.Trigger.By);
                Log.BlackoutOverridden(ctx.Setup.Logger, ctx.Setup.RunId, blackout.Window.Name, ctx.Setup.Trigger.By, reason.Trim());
            }
            else
            {
                ctx.Recording.Stop(Verdict.Aborted, BlackoutRefusal.Text(blackout.Window, now, ctx.Setup.Drill.TimeZone, BlackoutRefusal.CliFlag));
                return null;
            }
        }

        var names = ctx.Setup.Drill.TouchedClusters.Concat(ctx.Setup.Drill.Preconditions.OfType<ReadyReplicasPrecondition>().Select(p => p.Cluster)).Distinct(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var client = ctx.ClientFor(name);
            if (!client.Ok)
            {
                ctx.Recording.Stop(Verdict.Errored, client.Error!.Message);
                return null;
            }
        }

        // reads only, before the lock: owners and permissions (a refusal here changed nothing, not even a lease)
        if (await AccessPhase.RunAsync(ctx, cancellationToken) is not { } owners)
        {
            return null;
        }

        var touched = ctx.Setup.Drill.TouchedClusters.Select(c => ctx.Clients[c]).ToList();
        var request = new LockRequest(ctx.Setup.Holder, new HolderLiveness(ctx.Setup.Options.Owner), ctx.Setup.Options.Lock, ctx.Setup.Time);
        var (runLock, lockError) = await RunLock.AcquireAsync(touched, ctx.Setup.Drill.Namespace, request, cancellationToken);
        if (runLock is null)
        {
            ctx.Recording.Stop(lockError!.Contains("is locked by", StringComparison.Ordinal) || lockError.Contains("same moment", StringComparison.Ordinal) ? Verdict.Aborted : Verdict.Errored, $"refused: {lockError}");
            return null;
        }

        foreach (var taken in runLock.TakenOver)
        {
            Log.LeaseTakenOver(ctx.Setup.Logger, ctx.Setup.RunId, taken.Cluster, taken.PreviousHolder, taken.Reason);
        }

        await ctx.Setup.Journal.BeginRunAsync(new JournalRun(ctx.Setup.RunId, ctx.Setup.Drill.Name, ctx.Setup.Options.Owner, ctx.Recording.Moments.StartedAt), cancellationToken);
        ctx.Recording.Begun = true;
        // a failed check stops the run through ctx.Recording.Stop; the lock is still returned so that it is released.
        // Leftovers first: a dead run's changes (reviews-v1 still at 0) would otherwise show up as a failed
        // precondition or a failover target without endpoints, hiding the one thing to do (restore).
        _ = await CheckLeftoversAsync(ctx, owners, cancellationToken) && await CheckPreconditionsAsync(ctx, cancellationToken) && await CheckFailoverAsync(ctx, cancellationToken)
            && await OwnerPausePhase.RunAsync(ctx, owners, cancellationToken);
        return runLock;
    }

    private static async Task<bool> CheckPreconditionsAsync(RunContext ctx, CancellationToken cancellationToken)
    {
        foreach (var p in ctx.Setup.Drill.Preconditions.OfType<ReadyReplicasPrecondition>())
        {
            var ready = await ctx.Clients[p.Cluster].GetReadyReplicasAsync(p.Namespace, p.Deployment, cancellationToken);
            if (!ready.Ok)
            {
                ctx.Recording.Stop(Verdict.Errored, ready.Error!.Message);
                return false;
            }

            if (ready.Value < p.AtLeast)
            {
                ctx.Recording.Stop(Verdict.Aborted, $"precondition failed: Deployment {p.Namespace}/{p.Deployment} in cluster {p.Cluster} has {ready.Value} ready replicas, needs at least {p.AtLeast}");
                return false;
            }
        }

        return true;
    }

    /// <summary>The failover the drill expects can happen on the live mesh (reads only); a refusal marks the run misconfigured (CLI exit 2).</summary>
    private static async Task<bool> CheckFailoverAsync(RunContext ctx, CancellationToken cancellationToken)
    {
        if (await FailoverPreflight.CheckAsync(ctx.Setup.Config, ctx.Setup.Drill, ctx.ClientFor, cancellationToken) is not { } finding)
        {
            return true;
        }

        ctx.Recording.Misconfigured = !finding.Errored;
        ctx.Recording.Stop(finding.Errored ? Verdict.Errored : Verdict.Aborted, finding.Reason);
        return false;
    }

    private static async Task<bool> CheckLeftoversAsync(RunContext ctx, OwnerDecision owners, CancellationToken cancellationToken)
    {
        foreach (var owner in owners.Findings.Where(o => DrillAnnotations.RunOf(o.Current) is not null))
        {
            ctx.Recording.Stop(Verdict.Aborted, $"refused: {owner.Describe()} still carries the changes of run {DrillAnnotations.RunOf(owner.Current)}; run `drillbot restore` first");
            return false;
        }

        foreach (var step in ctx.Setup.Drill.Steps.OfType<ObjectStepDefinition>())
        {
            var target = ChangeBuilder.TargetOf(step);
            var current = await ctx.Clients[target.Cluster].GetAsync(target, cancellationToken);
            if (!current.Ok)
            {
                ctx.Recording.Stop(Verdict.Errored, current.Error!.Message);
                return false;
            }

            if (DrillAnnotations.RunOf(current.Value) is { } other)
            {
                ctx.Recording.Stop(Verdict.Aborted, $"refused: {target} still carries the changes of run {other}; run `drillbot restore` first");
                return false;
            }

            if (step is FailWorkloadStep && current.Value is not null)
            {
                ctx.Recording.Stop(Verdict.Aborted, $"refused: {target} already exists and is not this drill's; give failWorkload.name another name or delete it");
                return false;
            }
        }

        return true;
    }
}
