using System.Globalization;
using System.Text.Json.Nodes;
using DrillBot.Drills.Cluster;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Scheduling;

namespace DrillBot.Bench;

/// <summary>
/// Runs reviews-failover N times against a standalone Lab and compares the measured recovery time with
/// the Lab's ground truth (<see cref="LabGroundTruth"/>): the moment the last cn-hangzhou reviews endpoint left
/// the routing set, both measured from t0 (the API server's acknowledgement of the scale).
/// </summary>
internal static class RecoveryBench
{
    public static async Task<int> RunAsync(string drillsFile, int runs)
    {
        var events = new Uri(Environment.GetEnvironmentVariable("LAB_EVENTS_URL")!);
        var config = DrillsLoader.LoadFile(drillsFile, QuartzCronParser.Instance).Config ?? throw new InvalidOperationException("drills.yaml is not valid here");
        config = config with { Blackouts = [] };
        var original = config.FindDrill("reviews-failover")!;
        var drill = new DrillOverrides { SteadyState = TimeSpan.FromSeconds(1), StableFor = TimeSpan.FromSeconds(1), ObserveFor = TimeSpan.FromSeconds(4), VerifyWithin = TimeSpan.FromSeconds(10) }.Apply(original);
        using var clusters = new KubernetesClusterClientFactory(TimeProvider.System);
        var journal = new FileJournal(Path.Combine(Path.GetTempPath(), "drillbot-bench-journal"));
        var engine = new DrillEngine(new DrillEngineOptions { Clusters = clusters, Journal = journal });
        var hangzhou = clusters.Create(config.Clusters["hangzhou"]).Value!;
        using var http = new HttpClient();
        var interval = drill.Probe.Interval.TotalSeconds;
        Console.WriteLine($"probe interval {interval * 1000:0} ms; {runs} runs of reviews-failover");
        Console.WriteLine("| run | measured s | truth s | measured − truth s | within one interval |");
        Console.WriteLine("|---|---|---|---|---|");
        var within = 0;
        var deltas = new List<double>();
        for (var i = 1; i <= runs; i++)
        {
            await WaitReadyAsync(hangzhou);
            var report = await engine.Start(config, drill, new RunTrigger(TriggerKind.Cli, "bench")).Completion;
            var all = JsonNode.Parse(await http.GetStringAsync(events))!.AsArray();
            var t0 = report.FaultAt!.Value;
            var left = LabGroundTruth.LastEndpointLeft(all, "cn-hangzhou", t0.AddSeconds(-1), report.FinishedAt);
            if (report.Recovery is null || left is null)
            {
                Console.WriteLine($"| {i} | {report.Recovery?.Seconds.ToString(CultureInfo.InvariantCulture) ?? "none"} | {(left is null ? "no event" : "-")} | - | no ({report.Verdict}) |");
                continue;
            }

            var truth = (left.Value - t0).TotalSeconds;
            var delta = report.Recovery.Seconds - truth;
            var ok = Math.Abs(delta) <= interval;
            within += ok ? 1 : 0;
            deltas.Add(delta);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {i} | {report.Recovery.Seconds:0.000} | {truth:0.000} | {delta:+0.000;-0.000} | {(ok ? "yes" : "NO")} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"within one interval: {within}/{runs}; mean |delta| {deltas.Select(Math.Abs).DefaultIfEmpty().Average():0.000} s, max |delta| {deltas.Select(Math.Abs).DefaultIfEmpty().Max():0.000} s"));
        return within == runs ? 0 : 1;
    }

    private static async Task WaitReadyAsync(IClusterClient hangzhou)
    {
        for (var i = 0; i < 100; i++)
        {
            if ((await hangzhou.GetReadyReplicasAsync("default", "reviews-v1", CancellationToken.None)).Value >= 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(1)); // the endpoint enters the routing set after propagation
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
