using System.Net;
using System.Text.Json.Nodes;

namespace DrillBot.Tests.Service.Support;

/// <summary>The service's HTTP API as the tests use it.</summary>
internal static class RunApi
{
    public static async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(this ServiceHarness service, HttpMethod method, string path, string? json = null)
    {
        using var response = await service.Http.SendAsync(service.Api(method, path, json));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? []);
    }

    /// <summary>Starts a drill through the API and returns its run id (asserting 202).</summary>
    public static async Task<string> StartAsync(this ServiceHarness service, string drill)
    {
        var (status, body) = await service.SendAsync(HttpMethod.Post, $"/api/drills/{drill}/runs");
        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted), body.ToJsonString());
        return body["runId"]!.GetValue<string>();
    }

    /// <summary>Waits until the run has its report and returns it.</summary>
    public static Task<JsonObject> WaitForReportAsync(this ServiceHarness service, string runId, TimeSpan? timeout = null) =>
        Eventually.WaitAsync(
            async () =>
            {
                var (status, body) = await service.SendAsync(HttpMethod.Get, $"/api/runs/{runId}");
                return status == HttpStatusCode.OK && body.ContainsKey("verdict") ? body : null;
            },
            $"the report of run {runId}",
            timeout);

    /// <summary>Waits until the run (of this process) is in <paramref name="phase"/>.</summary>
    public static Task WaitForPhaseAsync(this ServiceHarness service, string runId, string phase) =>
        Eventually.WaitAsync(
            async () =>
            {
                var (_, body) = await service.SendAsync(HttpMethod.Get, $"/api/runs/{runId}");
                return body["phase"]?.GetValue<string>() == phase ? body : null;
            },
            $"run {runId} in phase {phase}");

    /// <summary>Waits until the history has a run and returns the newest run id.</summary>
    public static async Task<string> WaitForLatestRunIdAsync(this ServiceHarness service)
    {
        var body = await Eventually.WaitAsync(
            async () =>
            {
                var (_, b) = await service.SendAsync(HttpMethod.Get, "/api/runs?limit=1");
                return b["runs"]!.AsArray().Count > 0 ? b : null;
            },
            "a run in the history");
        return body["runs"]![0]!["runId"]!.GetValue<string>();
    }
}
