using DrillBot.Drills.Cluster;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;

namespace DrillBot.Cli;

/// <summary>The engine as the CLI uses it: kubeconfig contexts, a file journal and a debug log under ./.drillbot.</summary>
internal sealed class EngineFactory : IDisposable
{
    private readonly KubernetesClusterClientFactory _clusters;

    /// <param name="env">Where the command runs.</param>
    /// <param name="stateDirectory">The journal and debug log go here.</param>
    /// <param name="stop">The command's Ctrl-C/SIGTERM token (ends a test pause, see <see cref="TestPause"/>).</param>
    public EngineFactory(CliEnvironment env, string stateDirectory, CancellationToken stop = default)
    {
        DebugLog = new DebugLog(stateDirectory, TimeProvider.System);
        _clusters = new KubernetesClusterClientFactory(TimeProvider.System, null, env.Variables);
        Engine = new DrillEngine(new DrillEngineOptions
        {
            Clusters = _clusters,
            Journal = new FileJournal(Path.Combine(stateDirectory, "journal")),
            LoggerFactory = DebugLog.Factory(),
            Checkpoint = TestPause.From(env, stop),
        });
    }

    public DrillEngine Engine { get; }

    public DebugLog DebugLog { get; }

    public static string StateDirectory(CliEnvironment env) => env.Path(".drillbot");

    public void Dispose()
    {
        _clusters.Dispose();
        DebugLog.Dispose();
    }
}
