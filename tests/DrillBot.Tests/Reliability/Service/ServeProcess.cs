using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DrillBot.Tests.Service.Support;

namespace DrillBot.Tests.Reliability.Service;

/// <summary>
/// One real <c>drillbot serve</c> process (the apphost next to the tests, through <see cref="DrillbotProcess"/>) listening
/// on a loopback port it picked itself: its address is read from its start log line, the API is called with the bearer
/// token, and its log (stdout, one line per entry) can be awaited line by line.
/// </summary>
internal sealed partial class ServeProcess : IDisposable
{
    public const string ApiToken = "reliability-api-token-0123456789";
    private int disposed;

    private ServeProcess(DrillbotProcess process, string instanceId, Uri address)
    {
        Process = process;
        InstanceId = instanceId;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public DrillbotProcess Process { get; }

    public string InstanceId { get; }

    public Uri Address { get; }

    public HttpClient Http { get; }

    /// <summary>Every log line so far.</summary>
    public IReadOnlyList<string> LogLines => Process.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"DrillBot serving on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Serving();

    /// <summary>Starts <c>drillbot serve</c> in <paramref name="directory"/> and waits until it answers <c>/readyz</c> with 200.</summary>
    public static async Task<ServeProcess> StartAsync(string directory, IReadOnlyDictionary<string, string> environment, string instanceId)
    {
        var process = DrillbotProcess.Start(directory, environment, "serve", "--config", "drills.yaml", "--urls", "http://127.0.0.1:0");
        try
        {
            var line = await WaitForLineAsync(process, Serving().IsMatch, "the 'DrillBot serving on' log line", TimeSpan.FromSeconds(60));
            var serve = new ServeProcess(process, instanceId, new Uri(Serving().Match(line).Groups[1].Value));
            await serve.WaitAsync(
                async () =>
                {
                    try
                    {
                        using var ready = await serve.Http.GetAsync("/readyz");
                        return ready.IsSuccessStatusCode ? "ready" : null;
                    }
                    catch (HttpRequestException)
                    {
                        return null;
                    }
                },
                $"serve {instanceId} to be ready",
                TimeSpan.FromSeconds(60));
            return serve;
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <summary>Waits for the first log line (from the start) that <paramref name="match"/> accepts.</summary>
    public Task<string> WaitForLogAsync(Func<string, bool> match, string what, TimeSpan? timeout = null) =>
        WaitForLineAsync(Process, match, what, timeout ?? TimeSpan.FromSeconds(60));

    /// <summary>Waits for <paramref name="probe"/> to give a value; on timeout the test fails with this process's output.</summary>
    public async Task<T> WaitAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
        where T : class
    {
        try
        {
            return await Eventually.WaitAsync(probe, what, timeout ?? TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException e)
        {
            Assert.Fail($"{e.Message} (serve {InstanceId})\n{Process.Output}");
            throw;
        }
    }

    /// <summary>An API call with the bearer token: status and JSON body (empty when none).</summary>
    public async Task<(HttpStatusCode Status, JsonObject Body)> ApiAsync(HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiToken);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? []);
    }

    /// <summary>Starts a drill through the API; returns its run id (asserting 202).</summary>
    public async Task<string> StartRunAsync(string drill)
    {
        var (status, body) = await ApiAsync(HttpMethod.Post, $"/api/drills/{drill}/runs");
        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted), body.ToJsonString());
        return body["runId"]!.GetValue<string>();
    }

    /// <summary>The report of a finished run (<c>GET /api/runs/{id}</c> once it has a verdict).</summary>
    public Task<JsonObject> WaitForReportAsync(string runId, TimeSpan? timeout = null) =>
        WaitAsync(
            async () =>
            {
                var (status, body) = await ApiAsync(HttpMethod.Get, $"/api/runs/{runId}");
                return status == HttpStatusCode.OK && body.ContainsKey("verdict") ? body : null;
            },
            $"the report of run {runId} from {InstanceId}",
            timeout ?? TimeSpan.FromSeconds(60));

    /// <summary>The run as the history lists it (<c>GET /api/runs</c>): status, verdict, restore, instance.</summary>
    public async Task<JsonObject?> HistoryEntryAsync(string runId)
    {
        var (_, body) = await ApiAsync(HttpMethod.Get, "/api/runs?limit=500");
        return body["runs"]!.AsArray().OfType<JsonObject>().FirstOrDefault(r => r["runId"]!.GetValue<string>() == runId);
    }

    /// <summary>The value of one sample of <c>/metrics</c>, e.g. <c>drillbot_restore_total{drill="x",status="verified"}</c>; 0 when absent.</summary>
    public async Task<double> MetricAsync(string sample)
    {
        var text = await Http.GetStringAsync("/metrics");
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(sample + " ", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(sample.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        Http.Dispose();
        Process.Dispose();
    }

    private static async Task<string> WaitForLineAsync(DrillbotProcess process, Func<string, bool> match, string what, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (process.Out.Split('\n').FirstOrDefault(match) is { } line)
            {
                return line;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out waiting for {what}\n{process.Output}");
            }

            await Task.Delay(20);
        }
    }
}
