using System.Diagnostics;
using System.Text.Json.Nodes;
using DrillBot.Drills.Running;
using DrillBot.Store.Runs;
using DrillBot.Store;
using DrillBot.Tests.Service.Support;
using DrillBot.Tests.Support.Postgres;

namespace DrillBot.Tests.Reliability.Service;

/// <summary>
/// Two real <c>drillbot serve</c> replicas on one PostgreSQL (Quartz clustered) with a drill fired every 2 s: over at
/// least 20 fire times each fire is handled by exactly one replica (a run, or a skip recorded with its reason), and every
/// run is in the history once. Then the replica running a drill is killed with SIGKILL: the other one restores the Lab
/// through the journal once the dead replica's instance lease and drill Lease lapse, and carries on firing the schedule.
/// </summary>
[NonParallelizable]
public sealed class ReplicaScheduleTests
{
    private const int MinFires = 20;
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    /// <summary>
    /// As in production (60 s against 5 s + 15 s): the misfire threshold is longer than a dead replica's Quartz takeover
    /// (check-in 1 s + check-in misfire 2 s), so a fire the dead replica had acquired is run late by the survivor, not missed.
    /// </summary>
    private static readonly Dictionary<string, string> LateFiresRun = new() { ["DRILLBOT_MISFIRE_THRESHOLD"] = "5s" };

    [Test]
    public async Task TwoReplicas_FrequentSchedule_EachFireOnceThenSurvivorRestoresKilledRunnersDrillAndCarriesOn()
    {
        await using var database = await PostgresTestServer.CreateDatabaseAsync("ha");
        await using var world = await ServeLab.StartAsync(ScheduleDrills.Yaml("0/2 * * * * ?"));
        var before = world.Snapshot();
        var a = await world.ServeAsync(database.ConnectionString, "replica-a", extra: LateFiresRun);
        var b = await world.ServeAsync(database.ConnectionString, "replica-b", extra: LateFiresRun);
        ServeProcess[] replicas = [a, b];

        await a.WaitAsync(() => Task.FromResult(FireLog.Of(replicas).Select(f => f.At).Distinct().Count() >= MinFires ? "enough" : null), $"{MinFires} fire times", TimeSpan.FromSeconds(120));
        var beforeKill = FireLog.Of(replicas);

        var (victim, runId) = await CatchARunningDrillAsync(world, replicas);
        var killed = Stopwatch.StartNew();
        victim.Process.Kill();
        var atKill = world.Snapshot();
        var survivor = victim == a ? b : a;
        var entry = await survivor.WaitAsync(
            async () => await survivor.HistoryEntryAsync(runId) is { } e && e["status"]!.GetValue<string>() == "restored-after-interruption" ? e : null,
            $"{survivor.InstanceId} to restore run {runId} of the killed {victim.InstanceId}");
        var takeover = killed.Elapsed;
        var restoredAt = DateTimeOffset.UtcNow;
        var afterRestore = world.Snapshot();
        await survivor.WaitAsync(
            () => Task.FromResult(FireLog.Of(survivor).Count(f => f.RunId is not null && f.At > restoredAt) >= 3 ? "carried on" : null),
            $"{survivor.InstanceId} to carry on firing the schedule",
            TimeSpan.FromSeconds(30));
        survivor.Process.Terminate(); // stops the schedule: a run in progress is aborted and restored before exit
        var survivorExit = await survivor.Process.ExitCodeAsync();

        var fires = FireLog.Of(replicas).Where(f => f.Drill == ScheduleDrills.Tick).ToList();
        var (history, missed) = await StoredAsync(database.ConnectionString);
        var seen = fires.Select(f => f.At).Distinct().ToList();
        var expected = Enumerable.Range(0, (int)((seen.Max() - seen.Min()) / Every) + 1).Select(i => seen.Min() + (Every * i)).ToList();
        var started = fires.Where(f => f.RunId is not null).ToList();
        var skipped = fires.Where(f => f.RunId is null).ToList();
        TestContext.Out.WriteLine(
            $"HA: fire times {expected.Count} (before the kill {beforeKill.Select(f => f.At).Distinct().Count()}), fires seen {fires.Count}, runs executed {started.Count} " +
            $"(replica-a {started.Count(f => f.Replica == "replica-a")}, replica-b {started.Count(f => f.Replica == "replica-b")}), runs in history {history.Count}, " +
            $"skipped {skipped.Count} ({string.Join("; ", skipped.Select(s => $"{s.At:HH:mm:ss} {s.Replica}: {s.SkipReason}"))}), " +
            $"killed {victim.InstanceId} running {runId}; takeover (kill -> verified restore recorded) {takeover.TotalSeconds:0.00}s");

        Assert.Multiple(() =>
        {
            Assert.That(fires.GroupBy(f => f.At).Where(g => g.Count() > 1).Select(g => $"{g.Key:u} x{g.Count()}"), Is.Empty, "no fire handled twice");
            Assert.That(expected.Except(seen).Select(t => t.ToString("u")), Is.Empty, "no fire time without an outcome");
            Assert.That(skipped.Select(s => s.SkipReason), Has.All.Match("^(busy|missed): |^DrillBot is shutting down"), "skips are recorded with their reason");
            Assert.That(history.Select(r => r.RunId).Order(), Is.EqualTo(started.Select(f => f.RunId).Order()), "one run in the history per started fire");
            Assert.That(history.Where(r => r.Status == RunStatus.Running).Select(r => r.RunId), Is.Empty, "every run finished");
            Assert.That(survivorExit, Is.Zero, "SIGTERM: the survivor's last run aborted and restored");
            Assert.That(missed.Select(m => m.ToString("u")).Order(), Is.EqualTo(skipped.Select(s => s.At.ToString("u")).Order()), "every skipped fire recorded in the store once");
            Assert.That(beforeKill.Count(f => f.RunId is not null), Is.GreaterThan(0));
            Assert.That(atKill, Is.Not.EqualTo(before), "the killed replica's drill had changed the Lab");
            Assert.That(afterRestore, Is.EqualTo(before), "the survivor put the Lab back exactly");
            Assert.That(entry["instance"]!.GetValue<string>(), Is.EqualTo(victim.InstanceId));
            Assert.That(entry["restore"]!.GetValue<string>(), Is.EqualTo("verified"));
            Assert.That(world.Snapshot(), Is.EqualTo(before), "and the schedule's later runs restored too (after the survivor's SIGTERM)");
        });
    }

    /// <summary>Waits until a scheduled run has changed the DestinationRule (its drillbot.io/run annotation) and returns the replica running it.</summary>
    private static async Task<(ServeProcess Replica, string RunId)> CatchARunningDrillAsync(ServeLab world, ServeProcess[] replicas)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var json = world.Lab.GetObjectJson("asm", "DestinationRule", "default", "reviews");
            if (json is not null && JsonNode.Parse(json)!["metadata"]?["annotations"]?["drillbot.io/run"]?.GetValue<string>() is { } runId
                && replicas.FirstOrDefault(r => FireLog.Of(r).Any(f => f.RunId == runId)) is { } owner)
            {
                return (owner, runId);
            }

            await Task.Delay(5);
        }

        Assert.Fail("no scheduled run changed the DestinationRule within 30 s");
        throw new InvalidOperationException();
    }

    /// <summary>The schedule's runs of the tick drill in the history, and the missed fires recorded, read from the store itself.</summary>
    private static async Task<(List<RunSummary> Runs, List<DateTimeOffset> Missed)> StoredAsync(string connectionString)
    {
        await using var store = await StoreFactory.OpenAsync(StoreLocation.Parse(connectionString), TimeProvider.System, null, CancellationToken.None);
        var runs = (await store.Runs.ListLatestAsync(500, ScheduleDrills.Tick, CancellationToken.None)).Where(r => r.Trigger.Kind == TriggerKind.Schedule).ToList();
        var missed = (await store.MissedFires.ListLatestAsync(500, ScheduleDrills.Tick, CancellationToken.None)).Select(m => m.ScheduledAt).ToList();
        return (runs, missed);
    }
}
