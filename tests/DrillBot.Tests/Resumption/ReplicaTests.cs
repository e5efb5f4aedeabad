using System.Net;
using DrillBot.Lab;
using DrillBot.Resumption;
using DrillBot.Slack.Service;
using DrillBot.Store;
using DrillBot.Store.Runs;
using DrillBot.Tests.Service.Support;
using DrillBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DrillBot.Tests.Resumption;

/// <summary>Two serve replicas on one PostgreSQL (Quartz clustered), one Lab: busy and abort across replicas, one outbox owner, a dead replica's run taken over.</summary>
[NonParallelizable]
public sealed class ReplicaTests
{
    private LabHost lab = null!;
    private TestDatabase database = null!;
    private string directory = null!;

    [SetUp]
    public async Task SetUp()
    {
        database = await TestDatabase.CreateAsync(StoreEngine.Postgres, "replicas");
        lab = await LabHost.StartAsync(ServiceHarness.FastLab());
        directory = Directory.CreateTempSubdirectory("drillbot-replicas-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "drills.yaml"), TestDrills.Yaml());
    }

    [TearDown]
    public async Task TearDown()
    {
        await lab.DisposeAsync();
        await database.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public async Task TwoReplicas_RunOnA_BusyOnBAndAbortFromBStopsItOnA()
    {
        var before = LabState.Snapshot(lab);
        await using var a = await StartAsync("replica-a");
        await using var b = await StartAsync("replica-b");
        var runId = await a.StartAsync("slow-failover");
        await a.WaitForPhaseAsync(runId, "steps");

        var (busyStatus, busy) = await b.SendAsync(HttpMethod.Post, "/api/drills/reviews-distribution/runs");
        var (seenStatus, seen) = await b.SendAsync(HttpMethod.Get, $"/api/runs/{runId}");
        var (abortStatus, abort) = await b.SendAsync(HttpMethod.Post, $"/api/runs/{runId}/abort");
        var report = await b.WaitForReportAsync(runId);

        Assert.That(busyStatus, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(busy["runningDrill"]!.GetValue<string>(), Is.EqualTo("slow-failover"));
        Assert.That(busy["detail"]!.GetValue<string>(), Does.Contain("replica-a"));
        Assert.That(seenStatus, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(seen["instance"]!.GetValue<string>(), Is.EqualTo("replica-a"));
        Assert.That(abortStatus, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(abort["remote"]!.GetValue<bool>(), Is.True);
        Assert.That(report["verdict"]!.GetValue<string>(), Is.EqualTo("aborted"));
        Assert.That(report["reasons"]!.ToJsonString(), Does.Contain("requested by api"));
        Assert.That(LabState.Snapshot(lab), Is.EqualTo(before));
    }

    [Test]
    public async Task TwoReplicas_OutboxDeliveredByOneOnlyAndTakenOverWhenItStops()
    {
        await using var slack = await DrillBot.Tests.Slack.Fakes.FakeSlackServer.StartAsync();
        var a = await StartAsync("replica-a", slack);
        await using var b = await StartAsync("replica-b", slack);
        var ownerA = Owner(a);
        var ownerB = Owner(b);
        await Eventually.WaitAsync(() => ownerA.IsOwner || ownerB.IsOwner, "an outbox owner");
        var firstOwners = (ownerA.IsOwner ? 1 : 0) + (ownerB.IsOwner ? 1 : 0);
        var survivor = ownerA.IsOwner ? (b, ownerB) : (a, ownerA);
        var leaving = ownerA.IsOwner ? a : b;

        await leaving.DisposeAsync();
        await Eventually.WaitAsync(() => survivor.Item2.IsOwner, "the other replica to take the outbox over", TimeSpan.FromSeconds(15));
        var runId = await survivor.Item1.StartAsync("reviews-distribution");
        await Eventually.WaitAsync(() => slack.Calls.Any(c => c.Ok && c.Method == "chat.update" && c.Body!.ToJsonString().Contains(runId, StringComparison.Ordinal)), "the result delivered by the survivor");

        Assert.That(firstOwners, Is.EqualTo(1), "exactly one replica delivers");
        await a.DisposeAsync();
    }

    [Test]
    public async Task DeadReplica_InstanceLeaseExpired_ItsRunRestoredByTheLiveOne()
    {
        var before = LabState.Snapshot(lab);
        await using var live = await StartAsync("replica-live");
        await using (var lease = await StoreFactory.OpenAsync(database.Location, TimeProvider.System, null, CancellationToken.None))
        {
            await lease.Leases.TryAcquireAsync(InstanceLiveness.LeaseName("replica-dead"), "replica-dead", TimeSpan.FromSeconds(3), CancellationToken.None);
        }

        await using var dead = await DeadRun.StartAsync(lab, Path.Combine(directory, "drills.yaml"), database.Location, "slow-failover", "replica-dead");
        var report = await live.WaitForReportAsync(dead.RunId, TimeSpan.FromSeconds(60));
        var record = (await live.App.Store.Runs.GetAsync(dead.RunId, CancellationToken.None))!.Run;

        Assert.That(record.Status, Is.EqualTo(RunStatus.RestoredAfterInterruption));
        Assert.That(report["reasons"]!.ToJsonString(), Does.Contain("instance replica-dead stopped during the run"));
        Assert.That(LabState.Snapshot(lab), Is.EqualTo(before));
    }

    private Task<ServiceHarness> StartAsync(string instance, DrillBot.Tests.Slack.Fakes.FakeSlackServer? slack = null) =>
        ServiceHarness.StartAsync(new ServiceHarness.Options { Lab = lab, Directory = directory, Store = database.Location, InstanceId = instance, SlackServer = slack, WithSlack = slack is not null });

    private static OutboxOwner Owner(ServiceHarness service) =>
        service.App.Services.GetServices<IHostedService>().OfType<OutboxOwner>().Single();
}
