using DrillBot.Drills.Cluster;
using DrillBot.Drills.Drift;
using DrillBot.Drills.Running.Events;

namespace DrillBot.Drills.Running;

/// <summary>
/// One run as its phases see it: the <see cref="Setup"/> fixed at start, the <see cref="Recording"/> of what it
/// produces, and what it holds while it lives (cluster clients, the prober's count, its phase and its observers).
/// </summary>
internal sealed class RunContext(RunSetup setup, IReadOnlyList<IDrillObserver> observers)
{
    public RunSetup Setup { get; } = setup;

    public RunRecording Recording { get; } = new(setup.Time, setup.Drill);

    /// <summary>The cluster clients opened by preflight, by cluster name.</summary>
    public Dictionary<string, IClusterClient> Clients { get; } = new(StringComparer.Ordinal);

    /// <summary>Cancelled when the drift watch sees someone else undo the drill's change: the run stops and restores.</summary>
    public CancellationTokenSource DriftAbort { get; } = new();

    /// <summary>Watches every changed object until the restore starts (docs/drills-yaml.md#drift).</summary>
    public DriftWatch Drift { get; private set; } = null!;

    /// <summary>Starts the drift watch; a finding stops the run as aborted and cancels it.</summary>
    public void StartDriftWatch() => Drift = new DriftWatch(Setup.Time, finding =>
    {
        var reason = finding.Describe(Recording.Moments.FaultAt, Recording.Moments.StartedAt);
        Recording.Drift = finding;
        Recording.Stop(Verdict.Aborted, reason);
        Recording.Mark("drift", reason, finding.At);
        Log.DriftDetected(Setup.Logger, Setup.RunId, reason);
        DriftAbort.Cancel();
    });

    /// <summary>The client of a drills.yaml cluster, opened once (an error when it is not declared or cannot be configured).</summary>
    public ClusterResult<IClusterClient> ClientFor(string name)
    {
        lock (Clients)
        {
            if (Clients.TryGetValue(name, out var known))
            {
                return ClusterResult<IClusterClient>.Success(known);
            }

            var created = Setup.Config.Clusters.TryGetValue(name, out var def) ? Setup.Options.Clusters.Create(def)
                : ClusterResult<IClusterClient>.Failure(new ClusterError(ClusterErrorKind.Invalid, null, $"cluster {name} is not declared"));
            if (created.Ok)
            {
                Clients[name] = created.Value!;
            }

            return created;
        }
    }

    public RunPhase Phase { get; private set; } = RunPhase.Pending;

    public void EnterPhase(RunPhase phase)
    {
        Phase = phase;
        Emit(new PhaseChanged(Setup.RunId, Setup.Drill.Name, Setup.Time.GetUtcNow(), phase));
    }

    public void Emit(DrillEvent e)
    {
        foreach (var observer in observers)
        {
            try
            {
                observer.OnEvent(e);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Log.ObserverFailed(Setup.Logger, ex, Setup.RunId, observer.GetType().Name);
            }
        }
    }
}
