using System.Text.Json.Nodes;
using DrillBot.Lab;

namespace DrillBot.Tests.Reliability;

/// <summary>
/// An in-process Lab (~50 ms delays) and a working directory holding the repository's drills.yaml with short
/// timings (probe every 25 ms, steady state 0.3 s, observe 2 s); starts real <c>drillbot</c> processes there
/// with the Lab's kubeconfig and productpage URL in their environment.
/// </summary>
internal sealed class ReliabilityCli : IAsyncDisposable
{
    private ReliabilityCli(LabHost lab, string directory)
    {
        Lab = lab;
        Directory = directory;
    }

    public LabHost Lab { get; }
    public string Directory { get; }
    public string JournalDirectory => Path.Combine(Directory, ".drillbot", "journal");

    public static async Task<ReliabilityCli> StartAsync(LabTopology? topology = null, Func<string, string>? drills = null)
    {
        var lab = await LabHost.StartAsync(LabTimings.Short(topology));
        var dir = System.IO.Directory.CreateTempSubdirectory("drillbot-reliability-").FullName;
        var yaml = ShortDrills(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "drills.yaml")));
        await File.WriteAllTextAsync(Path.Combine(dir, "drills.yaml"), drills is null ? yaml : drills(yaml));
        return new ReliabilityCli(lab, dir);
    }

    /// <summary>The repository's drills.yaml with short timings and no blackouts (bench/reliability uses the same).</summary>
    public static string ShortDrills(string yaml) => TestSupport.Drills.ShortDrills.From(yaml);

    /// <summary>Starts <c>drillbot ARGS</c> here; <paramref name="pauseAt"/> sets DRILLBOT_TEST_PAUSE_AT.</summary>
    public DrillbotProcess Start(string? pauseAt, params string[] arguments)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["KUBECONFIG"] = Lab.KubeconfigPath,
            ["PRODUCTPAGE_URL"] = Lab.ProductpageUrl.ToString(),
            ["PRODUCTPAGE_URL_CN_SHANGHAI"] = Lab.Variables["PRODUCTPAGE_URL_CN_SHANGHAI"],
            ["DRILLBOT_TEST_PAUSE_AT"] = pauseAt ?? string.Empty,
        };
        return DrillbotProcess.Start(Directory, env, arguments);
    }

    /// <summary>Runs <c>drillbot ARGS</c> to its end: exit code, stdout without line breaks (<see cref="DrillbotProcess.Flat"/>), wall time.</summary>
    public async Task<(int Code, string Out, TimeSpan Took)> RunAsync(params string[] arguments)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var process = Start(null, arguments);
        var code = await process.ExitCodeAsync();
        return (code, process.Flat + "\n--- stderr\n" + process.Error, clock.Elapsed);
    }

    /// <summary>The object as stored, minus resourceVersion/generation/managedFields and status; annotations included.</summary>
    public string? State(string context, string kind, string name, string ns = "default") => LabObjects.State(Lab, context, kind, name, ns);

    /// <summary>Every object a bundled drill may touch.</summary>
    public IReadOnlyDictionary<string, string?> Snapshot() => LabObjects.Snapshot(Lab);

    /// <summary>Holder of the drill lease in a context (null: free or never taken).</summary>
    public string? LeaseHolder(string context)
    {
        var json = Lab.GetObjectJson(context, "Lease", "default", "drillbot-lock");
        return json is null ? null : JsonNode.Parse(json)!["spec"]?["holderIdentity"]?.GetValue<string>();
    }

    /// <summary>The run id of the only journal file.</summary>
    public string OnlyRunId() => Path.GetFileNameWithoutExtension(System.IO.Directory.GetFiles(JournalDirectory, "*.jsonl").Single());

    /// <summary>The journal lines of a run, parsed.</summary>
    public IReadOnlyList<JsonObject> Journal(string runId) =>
        File.ReadAllLines(Path.Combine(JournalDirectory, runId + ".jsonl")).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();

    /// <summary>The outcome of the run's "complete" line, or null when the journal says it is unfinished.</summary>
    public string? CompletedAs(string runId) =>
        Journal(runId).LastOrDefault(l => l["t"]!.GetValue<string>() == "complete")?["outcome"]!.GetValue<string>();

    public async ValueTask DisposeAsync()
    {
        await Lab.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
