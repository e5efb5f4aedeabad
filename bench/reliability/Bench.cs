using System.Diagnostics;
using System.Text.Json.Nodes;
using DrillBot.Drills.Cluster;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;
using DrillBot.Scheduling;
using DrillBot.TestSupport.Drills;
using DrillBot.TestSupport.Labs;
using DrillBot.TestSupport.Processes;

namespace DrillBot.Bench.Reliability;

/// <summary>
/// The drillbot executable, a working directory holding the short test drills (the repository's drills.yaml with
/// the timings of the reliability tests), and read access to a standalone Lab to compare its objects.
/// </summary>
internal sealed class Bench(string drillbot, string workDir, IReadOnlyDictionary<string, string> labEnv, IClusterClientFactory clusters, DrillsConfig config)
{
    public string WorkDir { get; } = workDir;

    public static async Task<Bench> CreateAsync(string drillbot, string labDir, string workDir)
    {
        var env = File.ReadAllLines(Path.Combine(labDir, "lab.env")).Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        workDir = Path.GetFullPath(workDir);
        Directory.CreateDirectory(workDir);
        var yaml = ShortDrills.From(await File.ReadAllTextAsync("drills.yaml"));
        await File.WriteAllTextAsync(Path.Combine(workDir, "drills.yaml"), yaml);
        var loaded = DrillsLoader.Parse(yaml, "drills.yaml", QuartzCronParser.Instance, n => env.GetValueOrDefault(n));
        var clusters = new KubernetesClusterClientFactory(TimeProvider.System, new ClusterRetryOptions { MaxRetries = 10, BaseDelay = TimeSpan.FromMilliseconds(50) }, n => env.GetValueOrDefault(n));
        return new Bench(Path.GetFullPath(drillbot), workDir, env, clusters, loaded.Config!);
    }

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
        foreach (var o in LabObjects.Drilled)
        {
            var client = clusters.Create(config.Clusters[o.Cluster]).Value!;
            var read = await client.GetAsync(new ObjectRef(o.Cluster, Enum.Parse<ObjectKind>(o.Kind), "default", o.Name), CancellationToken.None);
            if (!read.Ok)
            {
                throw new InvalidOperationException(read.Error!.Message);
            }

            all[o.Key] = LabObjects.Comparable(read.Value);
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
