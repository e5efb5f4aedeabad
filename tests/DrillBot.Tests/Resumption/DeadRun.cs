using DrillBot.Drills.Cluster;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Locking;
using DrillBot.Drills.Running;
using DrillBot.Drills.Running.Events;
using DrillBot.Lab;
using DrillBot.Scheduling;
using DrillBot.Store;
using DrillBot.Store.Runs;

namespace DrillBot.Tests.Resumption;

/// <summary>
/// A run of a DrillBot instance that "dies" mid-drill: the engine runs on the shared store (history
/// record and journal, as the service writes them) until both steps changed the Lab, then its
/// cluster access freezes, so it never renews its lease nor restores. Dispose lets it fail for good.
/// </summary>
internal sealed class DeadRun : IAsyncDisposable
{
    private readonly KubernetesClusterClientFactory kubernetes;
    private readonly FreezableClusters clusters;
    private readonly IDrillBotStore store;

    private DeadRun(IDrillBotStore store, KubernetesClusterClientFactory kubernetes, FreezableClusters clusters, string runId)
    {
        this.store = store;
        this.kubernetes = kubernetes;
        this.clusters = clusters;
        RunId = runId;
    }

    public string RunId { get; }

    public static async Task<DeadRun> StartAsync(LabHost lab, string drillsPath, StoreLocation location, string drill, string owner)
    {
        var env = new Dictionary<string, string> { ["KUBECONFIG"] = lab.KubeconfigPath, ["PRODUCTPAGE_URL"] = lab.ProductpageUrl.ToString() };
        var config = DrillsLoader.LoadFile(drillsPath, QuartzCronParser.Instance, n => env.GetValueOrDefault(n)).Config!;
        var store = await StoreFactory.OpenAsync(location, TimeProvider.System, null, CancellationToken.None);
        var kubernetes = new KubernetesClusterClientFactory(TimeProvider.System, new ClusterRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(200) }, n => env.GetValueOrDefault(n));
        var clusters = new FreezableClusters(kubernetes);
        var engine = new DrillEngine(new DrillEngineOptions { Clusters = clusters, Journal = store.Journal, Owner = owner, Lock = new LockOptions { LeaseDuration = TimeSpan.FromSeconds(3) } });
        var runId = engine.NewRunId();
        await store.Runs.StartAsync(new RunStart(runId, drill, new RunTrigger(TriggerKind.Api, "test"), DateTimeOffset.UtcNow, owner), CancellationToken.None);
        var changed = new LastStepApplied(config.FindDrill(drill)!.Steps.Count(s => s is not WaitStep));
        engine.Start(config, config.FindDrill(drill)!, new RunTrigger(TriggerKind.Api, "test"), [changed], runId);
        await changed.Done.WaitAsync(TimeSpan.FromSeconds(30));
        clusters.Freeze(); // the process is gone: no lease renewal, no restore
        return new DeadRun(store, kubernetes, clusters, runId);
    }

    public async ValueTask DisposeAsync()
    {
        clusters.Dispose();
        kubernetes.Dispose();
        await store.DisposeAsync();
    }

    private sealed class LastStepApplied(int changes) : IDrillObserver
    {
        private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int applied;

        public Task Done => done.Task;

        public void OnEvent(DrillEvent drillEvent)
        {
            if (drillEvent is StepApplied { Target: not null } && Interlocked.Increment(ref applied) == changes)
            {
                done.TrySetResult();
            }
        }
    }
}
