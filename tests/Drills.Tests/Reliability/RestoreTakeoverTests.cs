using DrillBot.Drills.Restore;

namespace DrillBot.Drills.Tests.Reliability;

/// <summary><c>drillbot restore</c>'s engine part: which interrupted runs it restores at once, and what it does with their leases.</summary>
[NonParallelizable]
public sealed class RestoreTakeoverTests
{
    [Test]
    public async Task RestoreUnfinished_DeadLocalOwnerWithFreshLease_RestoredAtOnceLeaseTakenOverThenReleased()
    {
        await using var lab = await ReliabilityLab.StartAsync();
        var before = lab.Snapshot();
        var owner = ChildProcess.Owner(ChildProcess.DeadPid());
        var runId = await DeadRun.LeaveAsync(lab, "reviews-failover", owner, applied: 2, DateTimeOffset.UtcNow);
        Assert.That(lab.Snapshot(), Is.Not.EqualTo(before));

        var resumed = await lab.Engine("restorer").CreateRestoreService(lab.Config).RestoreUnfinishedAsync(null, CancellationToken.None);

        Assert.That(resumed.Select(r => (r.Run.RunId, r.Restore.Status)), Is.EqualTo(new[] { (runId, RestoreStatus.Verified) }));
        Assert.That(resumed[0].Notes, Is.EquivalentTo(new[]
        {
            $"took over the drill lease in cluster hangzhou from {owner} run {runId} (process {owner} no longer runs)",
            $"took over the drill lease in cluster mesh from {owner} run {runId} (process {owner} no longer runs)",
        }));
        Assert.That(lab.Snapshot(), Is.EqualTo(before));
        Assert.That((await lab.LeaseAsync("hangzhou"))!.Holder, Is.Null.Or.Empty, "released after the restore");
        Assert.That((await lab.LeaseAsync("mesh"))!.Holder, Is.Null.Or.Empty);
        Assert.That(await lab.UnfinishedAsync(), Is.Empty);
    }

    [Test]
    public async Task RestoreUnfinished_LiveLocalOwner_LeftAlone()
    {
        await using var lab = await ReliabilityLab.StartAsync();
        var sleeper = ChildProcess.Sleeper();
        try
        {
            var owner = ChildProcess.Owner(sleeper.Id);
            var runId = await DeadRun.LeaveAsync(lab, "reviews-failover", owner, applied: 1, DateTimeOffset.UtcNow);
            var changed = lab.Snapshot();

            var resumed = await lab.Engine("restorer").CreateRestoreService(lab.Config).RestoreUnfinishedAsync(null, CancellationToken.None);

            Assert.That(resumed, Is.Empty);
            Assert.That(lab.Snapshot(), Is.EqualTo(changed));
            Assert.That((await lab.LeaseAsync("hangzhou"))!.Holder, Is.EqualTo($"{owner} run {runId}"));
        }
        finally
        {
            ChildProcess.Stop(sleeper);
        }
    }

    [Test]
    public async Task RestoreUnfinished_RemoteOwner_LeftAloneWhileItsLeaseIsFreshRestoredOnceExpired()
    {
        await using var lab = await ReliabilityLab.StartAsync();
        var before = lab.Snapshot();
        var owner = $"elsewhere-{Environment.MachineName}/4242";
        var runId = await DeadRun.LeaveAsync(lab, "reviews-failover", owner, applied: 2, DateTimeOffset.UtcNow);
        var service = lab.Engine("restorer").CreateRestoreService(lab.Config);

        var whileFresh = await service.RestoreUnfinishedAsync(null, CancellationToken.None);
        foreach (var cluster in new[] { "hangzhou", "mesh" })
        {
            await DeadRun.HoldLeaseAsync(lab, cluster, $"{owner} run {runId}", DateTimeOffset.UtcNow.AddMinutes(-1));
        }

        var onceExpired = await service.RestoreUnfinishedAsync(null, CancellationToken.None);

        Assert.That(whileFresh, Is.Empty);
        Assert.That(onceExpired.Single().Restore.Status, Is.EqualTo(RestoreStatus.Verified));
        Assert.That(onceExpired[0].Notes, Has.All.Contains("(its lease expired)"));
        Assert.That(lab.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task RestoreUnfinished_AnotherLiveProcessIsRestoringIt_Skipped()
    {
        await using var lab = await ReliabilityLab.StartAsync();
        var sleeper = ChildProcess.Sleeper();
        try
        {
            var runId = await DeadRun.LeaveAsync(lab, "reviews-failover", ChildProcess.Owner(ChildProcess.DeadPid()), applied: 2, DateTimeOffset.UtcNow);
            var rival = $"{ChildProcess.Owner(sleeper.Id)} restore {runId}";
            await DeadRun.HoldLeaseAsync(lab, "mesh", rival, DateTimeOffset.UtcNow);
            var changed = lab.Snapshot();

            var resumed = await lab.Engine("restorer").CreateRestoreService(lab.Config).RestoreUnfinishedAsync(null, CancellationToken.None);

            Assert.That(resumed, Is.Empty, "one restorer at a time");
            Assert.That(lab.Snapshot(), Is.EqualTo(changed));
            Assert.That((await lab.LeaseAsync("mesh"))!.Holder, Is.EqualTo(rival));
            Assert.That((await lab.LeaseAsync("hangzhou"))!.Holder, Is.Null.Or.Empty, "the lease it took meanwhile is given back");
            Assert.That(await lab.UnfinishedAsync(), Has.Count.EqualTo(1));
        }
        finally
        {
            ChildProcess.Stop(sleeper);
        }
    }

    [Test]
    public async Task RestoreUnfinished_ClusterLockedByAnotherLiveRun_RestoredWithoutThatLeaseAndSaysSo()
    {
        await using var lab = await ReliabilityLab.StartAsync();
        var before = lab.Snapshot();
        var sleeper = ChildProcess.Sleeper();
        try
        {
            var runId = await DeadRun.LeaveAsync(lab, "reviews-failover", ChildProcess.Owner(ChildProcess.DeadPid()), applied: 2, DateTimeOffset.UtcNow);
            var other = $"{ChildProcess.Owner(sleeper.Id)} run another-drill";
            await DeadRun.HoldLeaseAsync(lab, "hangzhou", other, DateTimeOffset.UtcNow);

            var resumed = await lab.Engine("restorer").CreateRestoreService(lab.Config).RestoreUnfinishedAsync(null, CancellationToken.None);

            Assert.That(resumed.Single().Restore.Status, Is.EqualTo(RestoreStatus.Verified), "restoring beats waiting");
            Assert.That(resumed[0].Notes, Has.Some.StartsWith($"restored without the drill lease of cluster hangzhou: cluster hangzhou is locked by {other}"));
            Assert.That(lab.Snapshot(), Is.EqualTo(before));
            Assert.That((await lab.LeaseAsync("hangzhou"))!.Holder, Is.EqualTo(other), "the other run keeps its lease");
            Assert.That((await lab.LeaseAsync("mesh"))!.Holder, Is.Null.Or.Empty);
        }
        finally
        {
            ChildProcess.Stop(sleeper);
        }
    }
}
