using DrillBot.Drills.Running;
using DrillBot.Runs;
using DrillBot.Scheduling;
using DrillBot.Tests.Service.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using Quartz.Extensibility;
using static DrillBot.Tests.Scheduling.ScheduledFires;

namespace DrillBot.Tests.Scheduling;

/// <summary>
/// Scheduled fires inside a blackout (docs/service.md, "Scheduling"): Quartz fires every trigger time (no calendar), the
/// coordinator refuses one inside a blackout, and it is recorded and counted once with the blackout as its reason;
/// never run, never overridden. A fire outside every blackout runs.
/// </summary>
[NonParallelizable]
public sealed class BlackoutFireTests
{
    private const string Drill = "reviews-distribution";

    [Test]
    public async Task ScheduledFire_InsideBlackout_NotRunRecordedWithTheBlackoutAndCountedOnce()
    {
        var today = DateTimeOffset.UtcNow;
        var drills = new TestDrills.Options { Blackouts = [("freeze", AllDay(today, today.AddDays(1)))] };
        await using var service = await ServiceHarness.StartAsync(new ServiceHarness.Options { Drills = drills });
        var fireAt = SecondsFromNow(5);

        await ScheduleAsync(service, drills with { DistributionSchedule = DailyAt(fireAt) }, Drill, fireAt);
        var skipped = await WaitForSkippedAsync(service, Drill, fireAt);
        var metrics = await WaitForMissedCountAsync(service, Drill, 1);
        var next = await service.App.Services.GetRequiredService<DrillScheduler>().NextFireAsync(Drill, CancellationToken.None);

        Assert.That(skipped.Select(f => f.ScheduledAt), Is.EqualTo(new[] { fireAt }), "recorded once (the old calendar skipped it unrecorded)");
        Assert.That(SkippedLines(service, Drill), Has.Count.EqualTo(1).And.All.EndsWith($"at {fireAt:u} did not run: blackout freeze"), "refused at the fire by the coordinator, not missed");
        Assert.That(await ScheduleRefusalsAsync(service, Drill), Has.Count.EqualTo(1).And.All.StartWith("blackout freeze until "), "audited as a scheduled request refused");
        Assert.That(metrics, Does.Contain($"drillbot_blackout_overrides_total{{drill=\"{Drill}\"}} 0"), "a scheduled fire never overrides");
        Assert.That(await RunsAsync(service, Drill), Is.Empty, "not run");
        Assert.That(next, Is.EqualTo(fireAt.AddDays(1)), "the trigger keeps its fires inside the blackout (tomorrow's is refused the same way)");
    }

    [Test]
    public async Task ScheduledFire_OutsideEveryBlackout_Runs()
    {
        var today = DateTimeOffset.UtcNow;
        var otherDays = AllDay([.. Enumerable.Range(2, 4).Select(d => today.AddDays(d))]); // not yesterday, today or tomorrow
        var drills = new TestDrills.Options { Blackouts = [("elsewhen", otherDays)] };
        await using var service = await ServiceHarness.StartAsync(new ServiceHarness.Options { Drills = drills });
        var fireAt = SecondsFromNow(5);

        await ScheduleAsync(service, drills with { DistributionSchedule = DailyAt(fireAt) }, Drill, fireAt);
        var run = await Eventually.WaitAsync(async () => (await RunsAsync(service, Drill)).FirstOrDefault(), "the scheduled run");
        var report = await service.WaitForReportAsync(run["runId"]!.GetValue<string>());

        Assert.That(report["trigger"]!["kind"]!.GetValue<string>(), Is.EqualTo("schedule"));
        Assert.That(report["verdict"]!.GetValue<string>(), Is.EqualTo("passed"));
        Assert.That(SkippedLines(service, Drill), Is.Empty);
        Assert.That(await service.App.Store.MissedFires.CountAsync(Drill, null, CancellationToken.None), Is.Zero);
    }

    [Test]
    public async Task DrillJob_FireDueInsideABlackoutHandedOverAfterIt_RefusedAndRecorded()
    {
        var now = SecondsFromNow(0);
        var yesterday = now.AddDays(-1);
        var drills = new TestDrills.Options { Blackouts = [("yesterday", AllDay(yesterday))] };
        await using var service = await ServiceHarness.StartAsync(new ServiceHarness.Options { Drills = drills });
        var job = new DrillJob(service.App.Services.GetRequiredService<RunCoordinator>(), service.App.Services.GetRequiredService<SkippedFireRecorder>(), service.App.Services.GetRequiredService<ILogger<DrillJob>>());
        var detail = JobBuilder.Create<DrillJob>().WithIdentity(Drill, DrillScheduler.Group).Build();

        await job.Execute(JobExecutionContextBuilder.For(job).WithJob(detail).FiredAt(now, yesterday).Build());
        var skipped = await WaitForSkippedAsync(service, Drill, yesterday);
        var refusedRuns = await RunsAsync(service, Drill);
        await job.Execute(JobExecutionContextBuilder.For(job).WithJob(detail).FiredAt(now).Build());
        var run = await Eventually.WaitAsync(async () => (await RunsAsync(service, Drill)).FirstOrDefault(), "the fire due now");
        await service.WaitForReportAsync(run["runId"]!.GetValue<string>());

        Assert.That(skipped.Select(f => f.ScheduledAt), Is.EqualTo(new[] { yesterday }));
        Assert.That(SkippedLines(service, Drill).Single(), Does.EndWith("did not run: blackout yesterday"));
        Assert.That(refusedRuns, Is.Empty, "due inside the blackout: not run although the blackout is over");
        Assert.That(run["trigger"]!["kind"]!.GetValue<string>(), Is.EqualTo(TriggerKind.Schedule.WireName()), "the same job due now runs: the refusal was the fire time's blackout");
    }
}
