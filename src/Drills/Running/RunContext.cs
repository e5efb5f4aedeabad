using DrillBot.Drills.Cluster;
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
