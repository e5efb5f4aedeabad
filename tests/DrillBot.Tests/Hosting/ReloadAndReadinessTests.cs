using System.Net;
using System.Text.Json.Nodes;
using DrillBot.Scheduling;
using DrillBot.Tests.Service.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DrillBot.Tests.Hosting;

/// <summary>drills.yaml changes under a running service: a valid one reschedules, an invalid one keeps the old and shows in <c>/readyz</c>.</summary>
[NonParallelizable]
public sealed class ReloadAndReadinessTests
{
    [Test]
    public async Task Reload_ValidChange_Rescheduled()
    {
        await using var service = await ServiceHarness.StartAsync();
        var scheduler = service.App.Services.GetRequiredService<DrillScheduler>();
        var before = await scheduler.NextFireAsync("reviews-failover", CancellationToken.None);

        await File.WriteAllTextAsync(service.ConfigPath, TestDrills.Yaml(new TestDrills.Options { FailoverSchedule = "0 0 3 ? * TUE" }));
        var next = await Eventually.WaitAsync(async () => await scheduler.NextFireAsync("reviews-failover", CancellationToken.None) is { } t ? (object)t : null, "the new trigger");
        var (_, drills) = await service.SendAsync(HttpMethod.Get, "/api/drills");

        Assert.That(before, Is.Null, "not scheduled at first");
        Assert.That(((DateTimeOffset)next).DayOfWeek, Is.EqualTo(DayOfWeek.Tuesday));
        Assert.That(((DateTimeOffset)next).UtcDateTime.Hour, Is.EqualTo(3));
        Assert.That(drills["drills"]![0]!["schedule"]!.GetValue<string>(), Is.EqualTo("0 0 3 ? * TUE"));
        Assert.That(service.Logs.Text, Does.Contain("drills.yaml reloaded"));
    }

    [Test]
    public async Task Reload_InvalidChange_OldConfigKeepsRunningAndReadyzShowsEveryProblem()
    {
        await using var service = await ServiceHarness.StartAsync();
        await File.WriteAllTextAsync(service.ConfigPath, TestDrills.Yaml().Replace("interval: 25ms", "interval: soon", StringComparison.Ordinal).Replace("timeout: 60s", "timeout: 60s\n    color: blue", StringComparison.Ordinal));

        var ready = await Eventually.WaitAsync(
            async () =>
            {
                using var response = await service.Http.GetAsync("/readyz");
                return response.StatusCode == HttpStatusCode.ServiceUnavailable ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
            },
            "readyz to report the refused reload");
        var runId = await service.StartAsync("reviews-distribution");
        var report = await service.WaitForReportAsync(runId);

        var problems = ready["checks"]!["config"]!["problems"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        Assert.That(ready["status"]!.GetValue<string>(), Is.EqualTo("not ready"));
        Assert.That(problems, Has.Some.Contains("interval").And.Some.Contains("color"), "every problem, not the first");
        Assert.That(problems, Has.All.StartWith(service.ConfigPath + ":"));
        Assert.That(report["verdict"]!.GetValue<string>(), Is.EqualTo("passed"), "the old configuration still runs drills");
        Assert.That(service.Logs.Text, Does.Contain("was refused"));

        await File.WriteAllTextAsync(service.ConfigPath, TestDrills.Yaml());
        await Eventually.WaitAsync(
            async () =>
            {
                using var response = await service.Http.GetAsync("/readyz");
                return response.StatusCode == HttpStatusCode.OK ? "ready" : null;
            },
            "readyz ready again after the fix");
    }

    [Test]
    public async Task Readyz_StoreUnreachable_503NamingTheStore()
    {
        var directory = Directory.CreateTempSubdirectory("drillbot-ready-").FullName;
        var database = Path.Combine(directory, "db", "drillbot.db");
        await using var service = await ServiceHarness.StartAsync(new ServiceHarness.Options { Environment = new Dictionary<string, string> { ["DRILLBOT_DB"] = database } });
        Directory.Delete(Path.Combine(directory, "db"), recursive: true); // the database is gone from under the service
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        using var response = await service.Http.GetAsync("/readyz");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(body["checks"]!["store"]!["ok"]!.GetValue<bool>(), Is.False);
        Assert.That(body["checks"]!["store"]!["problem"]!.GetValue<string>(), Does.Contain(database));
        Assert.That(body["checks"]!["config"]!["ok"]!.GetValue<bool>(), Is.True);
        Directory.Delete(directory, recursive: true);
    }
}
