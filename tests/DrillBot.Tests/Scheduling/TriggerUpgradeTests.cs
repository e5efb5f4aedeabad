using DrillBot.Scheduling;
using DrillBot.Store;
using DrillBot.Tests.Service.Support;
using DrillBot.Tests.Store;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Quartz.Impl.Calendar;
using static DrillBot.Tests.Scheduling.ScheduledFires;

namespace DrillBot.Tests.Scheduling;

/// <summary>
/// A store written by an older DrillBot, whose triggers carried the blackout calendar: the first start replaces each
/// such trigger once (no calendar), recording first what it missed during the upgrade's downtime (the new trigger starts
/// from now and would hide it); the calendar is deleted; later syncs leave the trigger alone.
/// </summary>
[NonParallelizable]
public sealed class TriggerUpgradeTests
{
    private const string Drill = "reviews-distribution";

    [Test]
    public async Task Start_TriggerWithTheOldBlackoutCalendar_ReplacedOnceAndTheFireMissedMeanwhileRecorded()
    {
        var directory = Directory.CreateTempSubdirectory("drillbot-upgrade-").FullName;
        var options = new ServiceHarness.Options { Directory = directory, InstanceId = "upgrade-a" };
        await (await ServiceHarness.StartAsync(options)).DisposeAsync(); // the store and Quartz's tables
        var store = StoreLocation.Parse(Path.Combine(directory, "drillbot.db"));
        var fireAt = SecondsFromNow(4);
        await File.WriteAllTextAsync(Path.Combine(directory, "drills.yaml"), TestDrills.Yaml(new TestDrills.Options { DistributionSchedule = DailyAt(fireAt) }));
        await WriteOldTriggerAsync(store, DailyAt(fireAt));
        var downUntil = fireAt.AddSeconds(2.5) - DateTimeOffset.UtcNow;
        if (downUntil > TimeSpan.Zero)
        {
            await Task.Delay(downUntil); // down across the fire time (real clock: Quartz runs on it)
        }

        await using var service = await ServiceHarness.StartAsync(options with { InstanceId = "upgrade-b" });
        var skipped = await WaitForSkippedAsync(service, Drill, fireAt);
        await WaitForMissedCountAsync(service, Drill, 1);
        var calendars = await RawSql.CountAsync(store, "qrtz_calendars");
        var calendar = await RawSql.ScalarAsync(store, $"SELECT calendar_name FROM qrtz_triggers WHERE trigger_name = '{Drill}'");
        var next = await service.App.Services.GetRequiredService<DrillScheduler>().NextFireAsync(Drill, CancellationToken.None);
        var reloads = ReloadCount(service);
        await File.AppendAllTextAsync(service.ConfigPath, "# touched: same schedule\n");
        await Eventually.WaitAsync(() => ReloadCount(service) > reloads, "the reload");

        Assert.That(skipped.Select(f => f.ScheduledAt), Is.EqualTo(new[] { fireAt }), "the fire missed during the upgrade is recorded once (the replacement, starting from now, would hide it)");
        Assert.That(SkippedLines(service, Drill).Single(), Does.EndWith("did not run: missed: the scheduler was not running at the fire time (not run late)"));
        Assert.That(calendar, Is.EqualTo(DBNull.Value), "the trigger carries no calendar any more");
        Assert.That(calendars, Is.Zero, "the old calendar is deleted");
        Assert.That(next, Is.EqualTo(fireAt.AddDays(1)));
        Assert.That(service.Logs.Lines.Count(l => l.Contains($"drill {Drill} scheduled:", StringComparison.Ordinal)), Is.EqualTo(1), "replaced once; the reload left it alone");
        Assert.That(await RunsAsync(service, Drill), Is.Empty, "not run late");
        await service.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    private static int ReloadCount(ServiceHarness service) => service.Logs.Lines.Count(l => l.Contains("drills.yaml reloaded", StringComparison.Ordinal));

    /// <summary>What DrillBot before this change stored: the calendar <c>blackouts</c> and a trigger referring to it.</summary>
    private static async Task WriteOldTriggerAsync(StoreLocation store, string cron)
    {
        var settings = new DrillBot.Scheduling.SchedulingOptions { InstanceId = "old", Store = store, MisfireThreshold = TimeSpan.FromSeconds(1), QuartzCheckinInterval = TimeSpan.FromSeconds(1) };
        await using var factory = QuartzFactory.Build(settings, new DrillJobFactory(() => throw new InvalidOperationException("never started")));
        var quartz = await factory.GetScheduler();
        await quartz.AddCalendar(TriggerSync.LegacyCalendar, new BaseCalendar { Description = "no blackouts" }, AddCalendarOptions.ReplacingAndUpdatingTriggers);
        var job = JobBuilder.Create<DrillJob>().WithIdentity(Drill, DrillScheduler.Group).Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(Drill, DrillScheduler.Group)
            .ForJob(job)
            .WithSchedule(CronScheduleBuilder.Create(cron).InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
            .WithCalendarName(TriggerSync.LegacyCalendar)
            .WithMisfireThreshold(TimeSpan.FromSeconds(1))
            .Build();
        await quartz.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing);
        await quartz.Shutdown();
    }
}
