using DrillBot.Drills.Running;

namespace DrillBot.Drills.Tests.Reliability;

/// <summary>Two runs asking for the drill lease in the same instant: the one whose write loses (409) is refused naming the winner.</summary>
[NonParallelizable]
public sealed class LeaseRaceTests
{
    [Test]
    public async Task Run_RivalTakesTheLeaseBetweenReadAndWrite_RefusedNamingTheRivalNothingChanged()
    {
        await using var lab = await ReliabilityLab.StartAsync();
        var before = lab.Snapshot();
        const string Rival = "replica-b run rival-run";
        var clusters = new LeaseRaceClusters(lab.Clusters, "hangzhou", () => DeadRun.HoldLeaseAsync(lab, "hangzhou", Rival, DateTimeOffset.UtcNow));
        var engine = new DrillEngine(lab.Engine("runner").Options with { Clusters = clusters });

        var report = await lab.RunAsync(engine, lab.Drill("reviews-failover"));

        Assert.That(clusters.Fired, Is.True, "the rival wrote the lease between the run's read and its write");
        Assert.That(report.Verdict, Is.EqualTo(Verdict.Aborted));
        Assert.That(report.Reasons[0], Is.EqualTo($"refused: cluster hangzhou is locked by {Rival} (Lease default/drillbot-lock, taken at the same moment as this run asked for it)"));
        Assert.That(report.Restore.Objects, Is.Empty);
        Assert.That((await lab.LeaseAsync("hangzhou"))!.Holder, Is.EqualTo(Rival), "the winner keeps its lease");
        Assert.That((await lab.LeaseAsync("mesh"))?.Holder, Is.Null.Or.Empty, "the loser took nothing");
        Assert.That(lab.Snapshot(), Is.EqualTo(before));
    }
}
