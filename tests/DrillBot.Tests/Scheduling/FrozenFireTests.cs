using System.Net;
using DrillBot.Tests.Service.Support;
using static DrillBot.Tests.Scheduling.ScheduledFires;

namespace DrillBot.Tests.Scheduling;

/// <summary>
/// Scheduled fires during a freeze (docs/service.md, "Freeze"): refused by the coordinator like manual runs, recorded and
/// counted as skipped with the freeze as the reason; once unfrozen, the next fire runs.
/// </summary>
[NonParallelizable]
public sealed class FrozenFireTests
{
    private const string Drill = "reviews-distribution";

    [Test]
    public async Task ScheduledFire_WhileFrozen_NotRunRecordedAsFrozenAndCounted()
    {
        await using var service = await ServiceHarness.StartAsync();
        var (frozen, _) = await service.SendAsync(HttpMethod.Post, "/api/freeze", """{"reason": "incident INC-7", "by": "@ann"}""");
        var fireAt = SecondsFromNow(5);

        await ScheduleAsync(service, new TestDrills.Options { DistributionSchedule = DailyAt(fireAt) }, Drill, fireAt);
        var skipped = await WaitForSkippedAsync(service, Drill, fireAt);
        await WaitForMissedCountAsync(service, Drill, 1);

        Assert.That(frozen, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(skipped.Select(f => f.ScheduledAt), Is.EqualTo(new[] { fireAt }));
        Assert.That(SkippedLines(service, Drill), Has.Count.EqualTo(1).And.All.EndsWith($"at {fireAt:u} did not run: frozen by @ann: incident INC-7"));
        Assert.That(await ScheduleRefusalsAsync(service, Drill), Is.EqualTo(new[] { "frozen by @ann: incident INC-7" }));
        Assert.That(await RunsAsync(service, Drill), Is.Empty, "not run");
    }

    [Test]
    public async Task ScheduledFire_AfterUnfreeze_TheNextFireRuns()
    {
        await using var service = await ServiceHarness.StartAsync();
        await service.SendAsync(HttpMethod.Post, "/api/freeze", """{"reason": "incident INC-8", "by": "@ann"}""");
        await File.WriteAllTextAsync(service.ConfigPath, TestDrills.Yaml(new TestDrills.Options { DistributionSchedule = "0/2 * * * * ?" }));
        await Eventually.WaitAsync(() => SkippedLines(service, Drill).Any(l => l.EndsWith("did not run: frozen by @ann: incident INC-8", StringComparison.Ordinal)), "a fire refused while frozen");
        var runsWhileFrozen = await RunsAsync(service, Drill);

        var (unfrozen, _) = await service.SendAsync(HttpMethod.Post, "/api/unfreeze", """{"by": "@ann"}""");
        var liftedAt = DateTimeOffset.UtcNow;
        var run = await Eventually.WaitAsync(async () => (await RunsAsync(service, Drill)).FirstOrDefault(), "a scheduled run after the unfreeze");
        var report = await service.WaitForReportAsync(run["runId"]!.GetValue<string>());

        Assert.That(runsWhileFrozen, Is.Empty);
        Assert.That(unfrozen, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(report["trigger"]!["kind"]!.GetValue<string>(), Is.EqualTo("schedule"));
        Assert.That(report["startedAt"]!.GetValue<DateTimeOffset>(), Is.GreaterThanOrEqualTo(liftedAt.AddSeconds(-1)), "a fire after the unfreeze, not one from before it");
        Assert.That(report["verdict"]!.GetValue<string>(), Is.EqualTo("passed"));
    }
}
