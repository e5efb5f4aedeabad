using DrillBot.Drills.Cluster;
using DrillBot.Drills.Running;
using DrillBot.Drills.Running.Events;

namespace DrillBot.Drills.Tests.Running;

[NonParallelizable]
public sealed class LockTests
{
    [Test]
    public async Task Run_AnotherRunHoldsTheLease_RefusedNamingTheHolder()
    {
        await using var lab = await LabRun.StartAsync();
        var waiter = new EventWaiter(e => e is PhaseChanged { Phase: RunPhase.Observe });
        var first = lab.Engine.Start(lab.Config, lab.Drill("reviews-failover") with { ObserveFor = TimeSpan.FromSeconds(20) }, new RunTrigger(TriggerKind.Cli, "first"), [waiter]);
        await waiter.Hit;

        var second = await lab.RunAsync(lab.Drill("reviews-distribution"));
        first.Abort("test over");
        await first.Completion;

        Assert.That(second.Verdict, Is.EqualTo(Verdict.Aborted));
        Assert.That(second.Reasons[0], Does.StartWith("refused: cluster").And.Contain("is locked by").And.Contain($"run {first.RunId}"));
        Assert.That(second.Restore.Objects, Is.Empty);
    }

    [Test]
    public async Task Run_ExpiredLeaseOfADeadRun_TakenOver()
    {
        await using var lab = await LabRun.StartAsync();
        var mesh = lab.Clusters.Create(lab.Config.Clusters["mesh"]).Value!;
        var stale = new LeaseState("drillbot-lock", "ghost/1 run dead", DateTimeOffset.UtcNow.AddMinutes(-5), TimeSpan.FromSeconds(30), null);
        Assert.That((await mesh.CreateLeaseAsync("default", stale, CancellationToken.None)).Ok, Is.True);

        var report = await lab.RunAsync(lab.Drill("reviews-failover"));

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Passed), string.Join("\n", report.Reasons));
        var lease = (await mesh.GetLeaseAsync("default", "drillbot-lock", CancellationToken.None)).Value!;
        Assert.That(lease.Holder, Is.Null.Or.Empty, "released after the run");
    }
}
