using System.Globalization;
using System.Text.Json.Nodes;
using DrillBot.Scheduling;
using DrillBot.Store.MissedFires;
using DrillBot.Tests.Service.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DrillBot.Tests.Scheduling;

/// <summary>What the scheduling tests share: one-off fire times, blackouts by UTC day, and what a service recorded about a fire.</summary>
internal static class ScheduledFires
{
    /// <summary>A Quartz cron firing once a day at <paramref name="at"/> (UTC, whole seconds).</summary>
    public static string DailyAt(DateTimeOffset at) => $"{at.Second} {at.Minute} {at.Hour} * * ?";

    /// <summary>A whole second a few seconds from now: far enough for a reload to schedule it, near enough to wait for.</summary>
    public static DateTimeOffset SecondsFromNow(double seconds)
    {
        var at = DateTimeOffset.UtcNow.AddSeconds(seconds);
        return new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, at.Second, TimeSpan.Zero);
    }

    /// <summary>A cron matching every second of the given UTC days (<c>* * * ? * MON,TUE</c>).</summary>
    public static string AllDay(params DateTimeOffset[] days) =>
        "* * * ? * " + string.Join(",", days.Select(d => d.UtcDateTime.ToString("ddd", CultureInfo.InvariantCulture).ToUpperInvariant()).Distinct());

    /// <summary>Writes drills.yaml and waits until Quartz has the drill's trigger at <paramref name="next"/>.</summary>
    public static async Task ScheduleAsync(ServiceHarness service, TestDrills.Options drills, string drill, DateTimeOffset next)
    {
        await File.WriteAllTextAsync(service.ConfigPath, TestDrills.Yaml(drills));
        var scheduler = service.App.Services.GetRequiredService<DrillScheduler>();
        await Eventually.WaitAsync(async () => await scheduler.NextFireAsync(drill, CancellationToken.None) == next ? "scheduled" : null, $"{drill} scheduled at {next:u}");
    }

    /// <summary>Waits until the store has a skipped fire of <paramref name="drill"/> at <paramref name="at"/>; returns all of the drill's.</summary>
    public static Task<IReadOnlyList<MissedFire>> WaitForSkippedAsync(ServiceHarness service, string drill, DateTimeOffset at) =>
        Eventually.WaitAsync(
            async () => await service.App.Store.MissedFires.ListLatestAsync(50, drill, CancellationToken.None) is var list && list.Any(f => f.ScheduledAt == at) ? list : null,
            $"the skipped fire of {drill} at {at:u} in the store");

    /// <summary>Waits until <c>drillbot_schedule_missed_total{drill}</c> is <paramref name="count"/>, then returns the exposition.</summary>
    public static Task<string> WaitForMissedCountAsync(ServiceHarness service, string drill, long count) =>
        Eventually.WaitAsync(
            async () => await service.Http.GetStringAsync("/metrics") is var m && m.Contains($"drillbot_schedule_missed_total{{drill=\"{drill}\"}} {count}\n", StringComparison.Ordinal) ? m : null,
            $"drillbot_schedule_missed_total of {drill} at {count}");

    /// <summary>The audit log's <c>run.refused</c> outcomes of scheduled requests of <paramref name="drill"/>.</summary>
    public static async Task<IReadOnlyList<string>> ScheduleRefusalsAsync(ServiceHarness service, string drill)
    {
        var (_, audit) = await service.SendAsync(HttpMethod.Get, $"/api/audit?drill={drill}&limit=500");
        return audit["events"]!.AsArray()
            .Select(e => e!.AsObject())
            .Where(e => e["action"]!.GetValue<string>() == "run.refused" && e["source"]?.GetValue<string>() == "schedule")
            .Select(e => e["detail"]!["outcome"]!.GetValue<string>())
            .ToList();
    }

    /// <summary>The runs of <paramref name="drill"/> in the history.</summary>
    public static async Task<JsonArray> RunsAsync(ServiceHarness service, string drill) =>
        (await service.SendAsync(HttpMethod.Get, $"/api/runs?drill={drill}")).Body["runs"]!.AsArray();

    /// <summary>The log lines about fires of <paramref name="drill"/> that did not run.</summary>
    public static IReadOnlyList<string> SkippedLines(ServiceHarness service, string drill) =>
        service.Logs.Lines.Where(l => l.Contains($"scheduled fire of {drill} at ", StringComparison.Ordinal) && l.Contains(" did not run: ", StringComparison.Ordinal)).ToList();
}
