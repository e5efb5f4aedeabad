using System.Net;
using DrillBot.Drills.Reports;
using DrillBot.Tests.Service.Support;

namespace DrillBot.Tests.Api;

/// <summary><c>GET /api/runs</c>, <c>GET /api/runs/{id}</c>, <c>POST /api/runs/{id}/abort</c>, <c>GET /runs/{id}</c> (one service and Lab for the fixture).</summary>
[NonParallelizable]
public sealed class RunsApiTests
{
    private ServiceHarness service = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => service = await ServiceHarness.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await service.DisposeAsync();

    [Test]
    public async Task GetRun_WhileRunningThenFinished_StatusDocumentThenExactlyTheStoredReport()
    {
        var runId = await service.StartAsync("reviews-failover");
        var (runningStatus, running) = await service.SendAsync(HttpMethod.Get, $"/api/runs/{runId}");
        var report = await service.WaitForReportAsync(runId);
        var stored = (await service.App.Store.Runs.GetAsync(runId, CancellationToken.None))!.ReportJson!;
        var served = await (await service.Http.SendAsync(service.Api(HttpMethod.Get, $"/api/runs/{runId}"))).Content.ReadAsStringAsync();

        Assert.That(runningStatus, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(running["status"]!.GetValue<string>(), Is.EqualTo("running"));
        Assert.That(running["phase"]?.GetValue<string>(), Is.Not.Null);
        Assert.That(served, Is.EqualTo(stored), "the report JSON exactly as the engine wrote it");
        Assert.That(ReportJson.Deserialize(served)!.RunId, Is.EqualTo(runId));
        Assert.That(report["verdict"]!.GetValue<string>(), Is.EqualTo("passed"));
        Assert.That(report["trigger"]!["kind"]!.GetValue<string>(), Is.EqualTo("api"));
    }

    [Test]
    public async Task ListRuns_FilterAndLimit_NewestFirst()
    {
        var first = await service.StartAsync("reviews-distribution");
        await service.WaitForReportAsync(first);
        var second = await service.StartAsync("reviews-distribution");
        await service.WaitForReportAsync(second);

        var (_, all) = await service.SendAsync(HttpMethod.Get, "/api/runs?drill=reviews-distribution&limit=2");
        var (badStatus, _) = await service.SendAsync(HttpMethod.Get, "/api/runs?limit=abc");

        Assert.That(all["runs"]!.AsArray().Select(r => r!["runId"]!.GetValue<string>()), Is.EqualTo(new[] { second, first }));
        Assert.That(all["runs"]![0]!["summary"]!.GetValue<string>(), Does.StartWith("passed"));
        Assert.That(badStatus, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Abort_RunningDrill_202ThenAbortedAndRestoredThen409()
    {
        var before = LabState.Snapshot(service.Lab);
        var runId = await service.StartAsync("slow-failover");
        await service.WaitForPhaseAsync(runId, "steps");

        var (status, body) = await service.SendAsync(HttpMethod.Post, $"/api/runs/{runId}/abort");
        var report = await service.WaitForReportAsync(runId);
        var (againStatus, again) = await service.SendAsync(HttpMethod.Post, $"/api/runs/{runId}/abort");
        var (unknownStatus, _) = await service.SendAsync(HttpMethod.Post, "/api/runs/no-such-run/abort");

        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted), body.ToJsonString());
        Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo("aborting"));
        Assert.That(report["verdict"]!.GetValue<string>(), Is.EqualTo("aborted"));
        Assert.That(report["restore"]!["status"]!.GetValue<string>(), Is.EqualTo("verified"));
        Assert.That(againStatus, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(again["verdict"]!.GetValue<string>(), Is.EqualTo("aborted"));
        Assert.That(unknownStatus, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(LabState.Snapshot(service.Lab), Is.EqualTo(before));
    }

    [Test]
    public async Task HtmlReport_FinishedRun_SelfContainedPageWithTimeline()
    {
        var runId = await service.StartAsync("reviews-distribution");
        await service.WaitForReportAsync(runId);

        using var page = await service.Http.GetAsync($"/runs/{runId}");
        var html = await page.Content.ReadAsStringAsync();

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(html, Does.StartWith("<!DOCTYPE html>").And.Contain("<svg").And.Contain("PASSED").And.Contain(runId));
        Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("src=\"http"));
    }
}
