using System.Globalization;
using System.Net;
using DrillBot.Lab;
using DrillBot.Scheduling;
using DrillBot.Tests.Service.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DrillBot.Tests.Scheduling;

/// <summary>Quartz in the service with short real crons: fires run the drill; blackouts refuse fires (BlackoutFireTests) and manual runs; missed and busy fires are recorded, never run late or queued.</summary>
[NonParallelizable]
public sealed class SchedulingTests
{
    [Test]
    public async Task Schedule_EveryTwoSeconds_FiresTheDrillAsAScheduledRun()
    {
        await using var service = await ServiceHarness.StartAsync(new ServiceHarness.Options { Drills = new TestDrills.Options { DistributionSchedule = "0/2 * * * * ?" } });

        var run = await Eventually.WaitAsync(
            async () =>
            {
                var (_, body) = await service.SendAsync(HttpMethod.Get, "/api/runs?drill=reviews-distribution");
                return body["runs"]!.AsArray().FirstOrDefault(r => r!["trigger"]!["kind"]!.GetValue<string>() == "schedule");
            },
            "a scheduled run",
            TimeSpan.FromSeconds(15));
        var report = await service.WaitForReportAsync(run["runId"]!.GetValue<string>());

        Assert.That(report["trigger"]!["by"]!.GetValue<string>(), Is.EqualTo("quartz"));
        Assert.That(report["verdict"]!.GetValue<string>(), Is.EqualTo("passed"));
    }

    [Test]
    public async Task Blackout_CoveringTodayAndTomorrow_TriggerKeepsItsFiresAndManualRunRefused()
    {
        var today = DateTimeOffset.UtcNow;
        var days = string.Join(",", new[] { today, today.AddDays(1) }.Select(d => d.ToString("ddd", CultureInfo.InvariantCulture).ToUpperInvariant()));
        var drills = new TestDrills.Options { DistributionSchedule = "0 * * * * ?", Blackouts = [("freeze", $"* * * ? * {days}")] };
        await using var service = await ServiceHarness.StartAsync(new ServiceHarness.Options { Drills = drills });

        var next = await service.App.Services.GetRequiredService<DrillScheduler>().NextFireAsync("reviews-distribution", CancellationToken.None);
        var (status, body) = await service.SendAsync(HttpMethod.Post, "/api/drills/reviews-distribution/runs");

        Assert.That(next, Is.LessThanOrEqualTo(DateTimeOffset.UtcNow.AddMinutes(1)), "no calendar skips the fires inside the blackout: each reaches the coordinator, is refused and recorded (BlackoutFireTests)");
        Assert.That(status, Is.EqualTo(HttpStatusCode.Locked), "the coordinator checks every start, manual ones too");
        Assert.That(body["blackout"]!.GetValue<string>(), Is.EqualTo("freeze"));
    }

    [Test]
    public async Task MissedFire_ServiceDownAtTheFireTime_RecordedAndCountedNotRunLate()
    {
        await using var lab = await LabHost.StartAsync(ServiceHarness.FastLab());
        var directory = Directory.CreateTempSubdirectory("drillbot-missed-").FullName;
        var fireAt = DateTimeOffset.UtcNow.AddSeconds(4);
        var drills = new TestDrills.Options { DistributionSchedule = $"{fireAt.Second} {fireAt.Minute} {fireAt.Hour} * * ?" };
        var options = new ServiceHarness.Options { Lab = lab, Directory = directory, Drills = drills, InstanceId = "missed-a" };
        await (await ServiceHarness.StartAsync(options)).DisposeAsync();
        var downUntil = fireAt.AddSeconds(2.5) - DateTimeOffset.UtcNow;
        if (downUntil > TimeSpan.Zero)
        {
            await Task.Delay(downUntil); // the service is down across the fire time (real clock: Quartz runs on it)
        }

        await using var service = await ServiceHarness.StartAsync(options with { InstanceId = "missed-b" });
        var missed = await Eventually.WaitAsync(
            async () => await service.App.Store.MissedFires.ListLatestAsync(10, "reviews-distribution", CancellationToken.None) is { Count: > 0 } list ? list : null,
            "the missed fire in the store");
        var metrics = await Eventually.WaitAsync(async () => await service.Http.GetStringAsync("/metrics") is var m && m.Contains("drillbot_schedule_missed_total{drill=\"reviews-distribution\"} 1", StringComparison.Ordinal) ? m : null, "the missed fire counted");
        var (_, runs) = await service.SendAsync(HttpMethod.Get, "/api/runs");

        Assert.That(missed.Single().ScheduledAt, Is.EqualTo(new DateTimeOffset(fireAt.Year, fireAt.Month, fireAt.Day, fireAt.Hour, fireAt.Minute, fireAt.Second, TimeSpan.Zero)));
        Assert.That(metrics, Does.Not.Contain("drillbot_drill_in_progress{drill=\"reviews-distribution\"} 1"));
        Assert.That(runs["runs"]!.AsArray(), Is.Empty, "not run late");
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public async Task ScheduledFire_TargetBusy_RecordedAsSkippedNeverQueued()
    {
        await using var service = await ServiceHarness.StartAsync();
        var slow = await service.StartAsync("slow-failover");
        await service.WaitForPhaseAsync(slow, "steps");

        await File.WriteAllTextAsync(service.ConfigPath, TestDrills.Yaml(new TestDrills.Options { FailoverSchedule = "0/1 * * * * ?" }));
        await Eventually.WaitAsync(async () => await service.App.Store.MissedFires.CountAsync("reviews-failover", null, CancellationToken.None) >= 2 ? "two" : null, "two skipped fires");
        var (_, runs) = await service.SendAsync(HttpMethod.Get, "/api/runs?drill=reviews-failover");
        await service.SendAsync(HttpMethod.Post, $"/api/runs/{slow}/abort");
        await service.WaitForReportAsync(slow);

        Assert.That(runs["runs"]!.AsArray(), Is.Empty);
        Assert.That(service.Logs.Text, Does.Contain("did not run: busy"));
        await Eventually.WaitAsync(async () => System.Text.RegularExpressions.Regex.IsMatch(await service.Http.GetStringAsync("/metrics"), "drillbot_schedule_missed_total\\{drill=\"reviews-failover\"\\} [2-9]") ? "counted" : null, "the skipped fires counted");
    }
}
