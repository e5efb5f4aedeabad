using DrillBot.Drills.Tests.Running;
using DrillBot.TestSupport.Tools;
using DrillBot.Lab;

namespace DrillBot.Drills.Tests.Telemetry;

/// <summary>A Lab with background users, scraped by the fixture's Prometheus, and drills.yaml pointed at both.</summary>
internal static class MeshLab
{
    /// <summary>The test Prometheus scrapes (and evaluates rules) this often.</summary>
    public static readonly TimeSpan ScrapeInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// <see cref="LabRun.Fast"/> with a 1.5 s steady state: the steady-state windows (before the fault in a drill without
    /// expect.beforeFault, after the restore in one without restore.failback) then hold whole scrape intervals.
    /// </summary>
    public static readonly DrillBot.Drills.Definitions.DrillOverrides Fast = LabRun.Fast with { SteadyState = TimeSpan.FromMilliseconds(1500) };

    /// <summary>Users at the ingress beside the probe: half of them load the page, half call Bookinfo's reviews API.</summary>
    public static readonly LabLoadSpec Users = new(40) { Paths = ["/productpage", "/api/v1/products/0/reviews"] };

    public static async Task<LabRun> StartAsync(PrometheusServer prometheus, LabLoadSpec? users = null)
    {
        var topology = LabRun.Fastest(LabTopology.Default) with { Load = [users ?? Users] };
        var run = await LabRun.StartAsync(topology, environment: new Dictionary<string, string>
        {
            ["PROMETHEUS_URL"] = prometheus.Url.ToString(),
            ["PROMETHEUS_SCRAPE_INTERVAL"] = $"{(int)prometheus.Interval.TotalMilliseconds}ms",
        });
        await prometheus.ScrapeAsync(run.Lab.MetricsUrl);
        return run;
    }
}
