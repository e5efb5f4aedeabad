using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using DrillBot.TestSupport.Processes;

namespace DrillBot.TestSupport.Tools;

/// <summary>
/// A real Prometheus (Debian's <c>prometheus</c> 2.42; .ci/run installs it) for the mesh tests: own temp directory, a free
/// loopback port, the project's rule file (charts/drillbot/files/drillbot-alerts.yaml, for the recording rules), a short
/// scrape and evaluation interval, and one scrape job whose target (a Lab's /stats/prometheus) a test sets with
/// <see cref="ScrapeAsync"/> (file-based discovery, so one server serves a whole fixture). Stopped and deleted on dispose.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dir;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private PrometheusServer(Process process, string dir, Uri url, TimeSpan interval)
    {
        _process = process;
        _dir = dir;
        Url = url;
        Interval = interval;
    }

    /// <summary><c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri Url { get; }

    /// <summary>The scrape and rule evaluation interval.</summary>
    public TimeSpan Interval { get; }

    public static async Task<PrometheusServer> StartAsync(TimeSpan interval)
    {
        var binary = ExternalTool.Require("prometheus", "prometheus");
        var dir = Directory.CreateTempSubdirectory("drills-prometheus-").FullName;
        var ms = $"{(int)interval.TotalMilliseconds}ms";
        var rules = RepositoryRoot.Combine("charts", "drillbot", "files", "drillbot-alerts.yaml");
        await File.WriteAllTextAsync(Path.Combine(dir, "targets.json"), "[]");
        await File.WriteAllTextAsync(Path.Combine(dir, "prometheus.yml"), $$"""
            global: { scrape_interval: {{ms}}, scrape_timeout: {{ms}}, evaluation_interval: {{ms}} }
            rule_files: [ "{{rules}}" ]
            scrape_configs:
              - job_name: lab
                metrics_path: /stats/prometheus
                file_sd_configs: [ { files: [ "{{Path.Combine(dir, "targets.json")}}" ], refresh_interval: 1s } ]
            """);
        var port = FreePort();
        var psi = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { $"--config.file={Path.Combine(dir, "prometheus.yml")}", $"--storage.tsdb.path={Path.Combine(dir, "tsdb")}",
                     $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn", "--storage.tsdb.retention.time=1h" })
        {
            psi.ArgumentList.Add(arg);
        }

        var process = Process.Start(psi)!;
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PrometheusServer(process, dir, new Uri($"http://127.0.0.1:{port}/"), interval);
        if (!await server.WaitAsync(async () => (await server._http.GetAsync(new Uri(server.Url, "-/ready"))).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30)))
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"prometheus did not become ready within 30 s: {log}");
        }

        return server;
    }

    /// <summary>Scrapes <paramref name="metrics"/> (and nothing else) from now on; returns once Prometheus has a sample of it.</summary>
    public async Task ScrapeAsync(Uri metrics)
    {
        var target = $"{metrics.Host}:{metrics.Port}";
        var temp = Path.Combine(_dir, "targets.json.tmp");
        await File.WriteAllTextAsync(temp, $$"""[ { "targets": [ "{{target}}" ] } ]""");
        File.Move(temp, Path.Combine(_dir, "targets.json"), overwrite: true);
        if (!await WaitAsync(async () => (await QueryAsync($"up{{instance=\"{target}\"}} == 1")).GetArrayLength() == 1, TimeSpan.FromSeconds(30)))
        {
            throw new InvalidOperationException($"prometheus did not scrape {target} within 30 s");
        }
    }

    /// <summary>An instant query's <c>data.result</c>.</summary>
    public async Task<JsonElement> QueryAsync(string promql)
    {
        using var doc = JsonDocument.Parse(await _http.GetStringAsync(new Uri(Url, $"api/v1/query?query={Uri.EscapeDataString(promql)}")));
        return doc.RootElement.GetProperty("data").GetProperty("result").Clone();
    }

    private async Task<bool> WaitAsync(Func<Task<bool>> condition, TimeSpan max)
    {
        var until = Stopwatch.StartNew();
        while (until.Elapsed < max)
        {
            try
            {
                if (await condition())
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (_process.HasExited)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp directory
        }
    }
}
