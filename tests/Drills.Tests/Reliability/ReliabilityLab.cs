using DrillBot.Drills.Cluster;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Locking;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Drills.Tests.Scheduling;
using DrillBot.Lab;

namespace DrillBot.Drills.Tests.Reliability;

/// <summary>
/// A Lab with ~50 ms delays plus the repository's drills.yaml with short timings (steady state 0.3 s, observe
/// 2 s, probe every 25 ms), a file journal and fast API retries: the fixture of the engine-level reliability tests.
/// </summary>
internal sealed class ReliabilityLab : IAsyncDisposable
{
    public static readonly DrillOverrides Short = new()
    {
        ProbeInterval = TimeSpan.FromMilliseconds(25),
        ProbeTimeout = TimeSpan.FromSeconds(1),
        SteadyState = TimeSpan.FromMilliseconds(300),
        StableFor = TimeSpan.FromMilliseconds(300),
        RecoveryWithin = TimeSpan.FromSeconds(1.5),
        ObserveFor = TimeSpan.FromSeconds(2),
        VerifyWithin = TimeSpan.FromSeconds(3),
        AbortFor = TimeSpan.FromSeconds(1.5),
        MaxWait = TimeSpan.FromMilliseconds(200),
        PreFaultWait = TimeSpan.FromMilliseconds(2500),
    };

    public static readonly ClusterRetryOptions FastRetries = new() { BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(200), AttemptTimeout = TimeSpan.FromSeconds(5) };

    private readonly string _dir;

    private ReliabilityLab(LabHost lab, DrillsConfig config, string dir)
    {
        Lab = lab;
        Config = config;
        _dir = dir;
        Clusters = new KubernetesClusterClientFactory(TimeProvider.System, FastRetries, Env);
        Journal = new FileJournal(Path.Combine(dir, "journal"));
    }

    public LabHost Lab { get; }
    public DrillsConfig Config { get; }
    public KubernetesClusterClientFactory Clusters { get; }
    public FileJournal Journal { get; }
    public string Directory => _dir;

    public static async Task<ReliabilityLab> StartAsync()
    {
        var lab = await LabHost.StartAsync(LabTimings.Short());
        var dir = System.IO.Directory.CreateTempSubdirectory("drills-reliability-").FullName;
        var result = DrillsLoader.LoadFile(Path.Combine(TestContext.CurrentContext.TestDirectory, "drills.yaml"), TestCron.Parser, n => lab.Variables.GetValueOrDefault(n));
        Assert.That(result.Problems, Is.Empty);
        return new ReliabilityLab(lab, result.Config! with { Blackouts = [] }, dir);
    }

    /// <summary>An engine over this Lab and journal; each "process" of a test gets its own <paramref name="owner"/>.</summary>
    public DrillEngine Engine(string owner, TimeSpan? leaseDuration = null) => new(new DrillEngineOptions
    {
        Clusters = Clusters,
        Journal = Journal,
        Owner = owner,
        Lock = new LockOptions { LeaseDuration = leaseDuration ?? TimeSpan.FromSeconds(6) },
        RestoreTimeout = TimeSpan.FromSeconds(30),
    });

    public DrillDefinition Drill(string name) => Short.Apply(Config.FindDrill(name)!);

    public async Task<DrillReport> RunAsync(DrillEngine engine, DrillDefinition drill, params IDrillObserver[] observers) =>
        await engine.Start(Config, drill, new RunTrigger(TriggerKind.Cli, "reliability-test"), observers).Completion.WaitAsync(TimeSpan.FromSeconds(90));

    public IClusterClient Client(string cluster) => Clusters.Create(Config.Clusters[cluster]).Value!;

    private string? Env(string name) => name == "KUBECONFIG" ? Lab.KubeconfigPath : null;

    /// <summary>The object as stored, minus resourceVersion/generation/managedFields and status; annotations included.</summary>
    public string? State(string context, string kind, string name) => LabObjects.State(Lab, context, kind, name);

    /// <summary>Every object a bundled drill may touch.</summary>
    public IReadOnlyDictionary<string, string?> Snapshot() => LabObjects.Snapshot(Lab);

    /// <summary>The drill lease in a context (its holder, or null when free or absent).</summary>
    public async Task<LeaseState?> LeaseAsync(string cluster) =>
        (await Client(cluster).GetLeaseAsync("default", "drillbot-lock", CancellationToken.None)).Value;

    public async Task<IReadOnlyList<UnfinishedRun>> UnfinishedAsync() => await Journal.GetUnfinishedRunsAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Clusters.Dispose();
        await Lab.DisposeAsync();
        System.IO.Directory.Delete(_dir, recursive: true);
    }
}
