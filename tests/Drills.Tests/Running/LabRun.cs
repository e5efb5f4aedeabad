using DrillBot.Drills.Cluster;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Drills.Tests.Scheduling;
using DrillBot.Lab;

namespace DrillBot.Drills.Tests.Running;

/// <summary>A started Lab plus the repository's drills.yaml pointed at it, with short test timings.</summary>
internal sealed class LabRun : IAsyncDisposable
{
    public static readonly DrillOverrides Fast = new()
    {
        ProbeInterval = TimeSpan.FromMilliseconds(25),
        ProbeTimeout = TimeSpan.FromSeconds(1),
        SteadyState = TimeSpan.FromMilliseconds(500),
        StableFor = TimeSpan.FromMilliseconds(500),
        RecoveryWithin = TimeSpan.FromSeconds(3),
        ObserveFor = TimeSpan.FromSeconds(3),
        VerifyWithin = TimeSpan.FromSeconds(5),
        AbortFor = TimeSpan.FromSeconds(2),
        MaxWait = TimeSpan.FromMilliseconds(300),
        PreFaultWait = TimeSpan.FromMilliseconds(2500), // 100 samples at 25 ms: enough to prove beforeFault's 0.95
        MinSamples = 100,
    };

    private readonly string _dir;

    private readonly string? _identity;

    private LabRun(LabHost lab, DrillsConfig config, string dir, string? identity = null)
    {
        _identity = identity;
        Lab = lab;
        Config = config;
        _dir = dir;
        Clusters = new KubernetesClusterClientFactory(TimeProvider.System, new ClusterRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(500) }, Env);
        Journal = new FileJournal(Path.Combine(dir, "journal"));
        Engine = new DrillEngine(new DrillEngineOptions { Clusters = Clusters, Journal = Journal, Lock = new Locking.LockOptions { LeaseDuration = TimeSpan.FromSeconds(6) } });
    }

    public LabHost Lab { get; }
    public DrillsConfig Config { get; }
    public KubernetesClusterClientFactory Clusters { get; }
    public FileJournal Journal { get; }
    public DrillEngine Engine { get; }

    private string? Env(string name) => name == "KUBECONFIG" && _identity is not null ? Lab.KubeconfigFor(_identity) : Lab.Variables.GetValueOrDefault(name);

    /// <param name="topology">The Lab's world (default: the runbook's, fastest timings).</param>
    /// <param name="identity">Run the drills as this topology identity (its kubeconfig) instead of the admin.</param>
    public static async Task<LabRun> StartAsync(LabTopology? topology = null, string? identity = null)
    {
        var lab = await LabHost.StartAsync(topology ?? Fastest(LabTopology.Default));
        var dir = Directory.CreateTempSubdirectory("drills-test-").FullName;
        var result = DrillsLoader.LoadFile(Path.Combine(TestContext.CurrentContext.TestDirectory, "drills.yaml"), TestCron.Parser, n => lab.Variables.GetValueOrDefault(n));
        Assert.That(result.Problems, Is.Empty);
        var config = result.Config! with { Blackouts = [] };
        return new LabRun(lab, config, dir, identity);
    }

    public static LabTopology Fastest(LabTopology t) => LabTimings.Quick(t);

    public DrillDefinition Drill(string name, DrillOverrides? overrides = null) => (overrides ?? Fast).Apply(Config.FindDrill(name)!);

    public async Task<DrillReport> RunAsync(DrillDefinition drill, params IDrillObserver[] observers)
    {
        var run = Engine.Start(Config, drill, new RunTrigger(TriggerKind.Cli, "test"), observers);
        return await run.Completion.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>The object as the Lab stores it, minus resourceVersion/generation/managedFields and status (not desired state).</summary>
    public string? State(string context, string kind, string name, string ns = "default") => LabObjects.State(Lab, context, kind, name, ns);

    /// <summary>Every object a bundled drill may touch, for before/after comparison.</summary>
    public IReadOnlyDictionary<string, string?> Snapshot() => LabObjects.Snapshot(Lab);

    public async ValueTask DisposeAsync()
    {
        Clusters.Dispose();
        await Lab.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }
}
