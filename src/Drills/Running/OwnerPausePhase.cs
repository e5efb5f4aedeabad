using DrillBot.Drills.Cluster;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Json;
using DrillBot.Drills.Owners;
using DrillBot.Drills.Steps;

namespace DrillBot.Drills.Running;

/// <summary>
/// Pauses the owners the <c>owners: pause</c> policy chose, each as a journaled change with the <c>drillbot.io/*</c>
/// annotations (restored like any other change, after the drill's own, also by <c>drillbot restore</c> after a crash), and
/// watches them for drift. Test checkpoints: <c>owner-captured:N</c>, <c>owner-paused:N</c>.
/// </summary>
internal static class OwnerPausePhase
{
    public const string StepName = "pauseOwner";

    public static async Task<bool> RunAsync(RunContext ctx, OwnerDecision decision, CancellationToken cancellationToken)
    {
        var executor = new StepExecutor(ctx.Setup.Journal, ctx.Setup.Time);
        var number = 0;
        foreach (var owner in decision.ToPause)
        {
            number++;
            var n = number;
            var client = ctx.ClientFor(owner.Owner.Cluster);
            if (!client.Ok)
            {
                ctx.Recording.Stop(Verdict.Errored, client.Error!.Message);
                return false;
            }

            var request = new ChangeRequest(owner.Owner, StepName, current => current is null
                ? (null, new ClusterError(ClusterErrorKind.NotFound, 404, $"{owner.Describe()} vanished before DrillBot could pause it"))
                : (new StepChange(owner.Owner, ChangeKind.Patch, owner.Pause!, $"pause {owner.Describe()}: {owner.PauseDescription}"), null));
            var outcome = await executor.ApplyAsync(ctx.Setup.RunId, ctx.Recording.NextSequence, request, client.Value!, ctx.Recording.AddRecord, cancellationToken,
                p => ctx.Setup.CheckpointAsync($"{p.Replace("step-", "owner-", StringComparison.Ordinal)}:{n}"));
            ctx.Recording.MarkRejected(outcome.Rejected);
            if (!outcome.Ok)
            {
                ctx.Recording.Stop(Verdict.Errored, $"pausing {owner.Describe()} failed: {outcome.Error!.Message}");
                return false;
            }

            var entry = outcome.Recorded[^1];
            ctx.Recording.MarkApplied(entry.Sequence, outcome.Applied?.ToJsonString());
            ctx.Drift.Track(client.Value!, owner.Owner, JsonTools.Parse(entry.ChangeJson), false, outcome.Applied);
            ctx.Recording.Mark("owner-paused", outcome.Description, outcome.AcknowledgedAt);
            Log.OwnerPaused(ctx.Setup.Logger, ctx.Setup.RunId, owner.Describe(), owner.PauseDescription ?? "");
            await ctx.Setup.CheckpointAsync($"owner-paused:{n}");
        }

        return true;
    }
}
