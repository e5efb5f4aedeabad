using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DrillBot.Drills.Cluster;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;
using DrillBot.Scheduling;

namespace DrillBot.Bench.Reliability;

/// <summary>
/// The drillbot executable, a working directory holding the short test drills (the repository's drills.yaml with
/// the timings of the reliability tests), and read access to a standalone Lab to compare its objects.
/// </summary>
internal sealed partial class Bench(string drillbot, string workDir, IReadOnlyDictionary<string, string> labEnv, IClusterClientFactory clusters, DrillsConfig config)
{
    private static readonly (string Cluster, ObjectKind Kind, string Name)[] Objects =
    [
        ("hangzhou", ObjectKind.Deployment, "reviews-v1"), ("shanghai", ObjectKind.Deployment, "reviews-v2"),
        ("mesh", ObjectKind.DestinationRule, "reviews"), ("mesh", ObjectKind.VirtualService, "reviews"),
    ];

    public string WorkDir { get; } = workDir;

    public static async Task<Bench> CreateAsync(string drillbot, string labDir, string workDir)
    {
        var env = File.ReadAllLines(Path.Combine(labDir, "lab.env")).Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        workDir = Path.GetFullPath(workDir);
        Directory.CreateDirectory(workDir);
        var yaml = ShortDrills(await File.ReadAllTextAsync("drills.yaml"));
        await File.WriteAllTextAsync(Path.Combine(workDir, "drills.yaml"), yaml);
        var loaded = DrillsLoader.Parse(yaml, "drills.yaml", QuartzCronParser.Instance, n => env.GetValueOrDefault(n));
        var clusters = new KubernetesClusterClientFactory(TimeProvider.System, new ClusterRetryOptions { MaxRetries = 10, BaseDelay = TimeSpan.FromMilliseconds(50) }, n => env.GetValueOrDefault(n));
        return new Bench(Path.GetFullPath(drillbot), workDir, env, clusters, loaded.Config!);
    }

    /// <summary>Same replacements as tests/DrillBot.Tests/Reliability/ReliabilityCli.ShortDrills.</summary>
    public static string ShortDrills(string yaml) =>
        BlackoutLine().Replace(yaml, string.Empty)
            .Replace("interval: 100ms", "interval: 25ms", StringComparison.Ordinal)
            .Replace("duration: 3s", "duration: 300ms", StringComparison.Ordinal)
            .Replace("within: 30s", "within: 1500ms", StringComparison.Ordinal)
            .Replace("stableFor: 5s", "stableFor: 300ms", StringComparison.Ordinal)
            .Replace("observeFor: 45s", "observeFor: 2s", StringComparison.Ordinal)
            .Replace("observeFor: 40s", "observeFor: 2s", StringComparison.Ordinal)
            .Replace("verifyWithin: 60s", "verifyWithin: 3s", StringComparison.Ordinal)
            .Replace("for: 20s", "for: 1500ms", StringComparison.Ordinal)
            .Replace("for: 10s", "for: 1500ms", StringComparison.Ordinal)
            .Replace("minSamples: 200", "minSamples: 40", StringComparison.Ordinal)
            .Replace("wait: 2s", "wait: 200ms", StringComparison.Ordinal)
            .Replace("wait: 1s", "wait: 200ms", StringComparison.Ordinal);

    [GeneratedRegex(@"(?m)^  - \{ name: .*cron.*\}\s*$\n")]
    private static partial Regex BlackoutLine();

    public DrillbotProcess Start(string? pauseAt, params string[] arguments) =>
        DrillbotProcess.Start(drillbot, WorkDir, new Dictionary<string, string>(labEnv, StringComparer.Ordinal)
        {
            ["DRILLBOT_TEST_PAUSE_AT"] = pauseAt ?? string.Empty,
        }, arguments);

    public async Task<(int Code, string Out, TimeSpan Took)> RunAsync(params string[] arguments)
    {
        var clock = Stopwatch.StartNew();
        using var p = Start(null, arguments);
        var code = await p.ExitCodeAsync(TimeSpan.FromMinutes(5));
        return (code, p.Flat, clock.Elapsed);
    }

    /// <summary>Every object a bundled drill may touch, minus resourceVersion/generation/managedFields/status.</summary>
    public async Task<string> SnapshotAsync()
    {
        var all = new JsonObject();
        foreach (var (cluster, kind, name) in Objects)
        {
            var client = clusters.Create(config.Clusters[cluster]).Value!;
            var read = await client.GetAsync(new ObjectRef(cluster, kind, "default", name), CancellationToken.None);
            if (!read.Ok)
            {
                throw new InvalidOperationException(read.Error!.Message);
            }

            var obj = read.Value;
            if (obj?["metadata"] is JsonObject meta)
            {
                meta.Remove("resourceVersion");
                meta.Remove("generation");
                meta.Remove("managedFields");
                obj.Remove("status");
            }

            all[$"{kind} {name}"] = obj;
        }

        return all.ToJsonString();
    }

    /// <summary>Waits until reviews-v1 is ready again (so each run starts from a steady state).</summary>
    public async Task WaitReadyAsync()
    {
        var client = clusters.Create(config.Clusters["hangzhou"]).Value!;
        for (var i = 0; i < 200; i++)
        {
            if ((await client.GetReadyReplicasAsync("default", "reviews-v1", CancellationToken.None)).Value >= 1)
            {
                return;
            }

            await Task.Delay(50);
        }
    }

    public static string Median(IReadOnlyCollection<double> values) =>
        values.Count == 0 ? "-" : $"{values.Order().ElementAt(values.Count / 2):0.00}";
}
