using DrillBot.Drills.Cluster;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Steps;

namespace DrillBot.Drills.Tests.Reliability;

/// <summary>
/// What a killed process leaves behind, built step by step with the engine's own pieces: a journal run begun by
/// <c>owner</c>, the first <c>applied</c> object steps journaled and applied (annotations on the objects), and a
/// drill lease held by <c>"{owner} run {runId}"</c> in each touched cluster, renewed at <c>renewedAt</c>.
/// </summary>
internal static class DeadRun
{
    public static async Task<string> LeaveAsync(ReliabilityLab lab, string drillName, string owner, int applied, DateTimeOffset renewedAt, string? runId = null)
    {
        runId ??= "dead-" + Guid.NewGuid().ToString("N")[..8];
        var drill = lab.Drill(drillName);
        await lab.Journal.BeginRunAsync(new JournalRun(runId, drill.Name, owner, renewedAt.AddSeconds(-1)), CancellationToken.None);
        var executor = new StepExecutor(lab.Journal, TimeProvider.System);
        var sequence = 0;
        foreach (var step in drill.Steps.OfType<ObjectStepDefinition>().Take(applied))
        {
            var outcome = await executor.ApplyAsync(runId, () => ++sequence, step, lab.Client(step.Cluster), _ => { }, CancellationToken.None);
            Assert.That(outcome.Ok, Is.True, outcome.Error?.Message);
        }

        foreach (var cluster in drill.TouchedClusters)
        {
            await HoldLeaseAsync(lab, cluster, $"{owner} run {runId}", renewedAt);
        }

        return runId;
    }

    /// <summary>Writes the drill lease of a cluster as held by <paramref name="holder"/> (30 s, renewed at <paramref name="renewedAt"/>).</summary>
    public static async Task HoldLeaseAsync(ReliabilityLab lab, string cluster, string holder, DateTimeOffset renewedAt)
    {
        var client = lab.Client(cluster);
        var lease = new LeaseState("drillbot-lock", holder, renewedAt, TimeSpan.FromSeconds(30), null);
        var current = await client.GetLeaseAsync("default", "drillbot-lock", CancellationToken.None);
        var written = current.Value is { } existing
            ? await client.UpdateLeaseAsync("default", lease with { ResourceVersion = existing.ResourceVersion }, CancellationToken.None)
            : await client.CreateLeaseAsync("default", lease, CancellationToken.None);
        Assert.That(written.Ok, Is.True, written.Error?.Message);
    }
}
