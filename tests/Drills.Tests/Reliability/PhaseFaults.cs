using DrillBot.Drills.Running;
using DrillBot.Drills.Running.Events;
using DrillBot.Lab;

namespace DrillBot.Drills.Tests.Reliability;

/// <summary>
/// Switches Lab faults on when a run enters <see cref="Phase"/> and off when it enters the next one. Observers are
/// called synchronously by the engine before the phase does anything, so the faults cover exactly that phase.
/// </summary>
internal sealed class PhaseFaults(LabControl control, RunPhase phase, Action<LabControl> apply) : IDrillObserver
{
    private int _state; // 0 waiting, 1 on, 2 done

    public RunPhase Phase { get; } = phase;

    /// <summary>True once the faults were switched on (the phase happened).</summary>
    public bool Applied => Volatile.Read(ref _state) > 0;

    public void OnEvent(DrillEvent drillEvent)
    {
        if (drillEvent is not PhaseChanged changed)
        {
            return;
        }

        if (changed.Phase == Phase && Interlocked.CompareExchange(ref _state, 1, 0) == 0)
        {
            apply(control);
        }
        else if (changed.Phase != Phase && Interlocked.CompareExchange(ref _state, 2, 1) == 1)
        {
            control.ClearFaults();
        }
    }
}
