using DrillBot.Drills.Running.Events;

namespace DrillBot.Drills.Running;

/// <summary>
/// Receives a run's lifecycle events in order (Slack, metrics, history, the console plug in here).
/// Called on the engine's threads: return quickly, hand slow work to a queue. An exception thrown
/// here is logged and ignored; it never disturbs the run or its restore.
/// </summary>
public interface IDrillObserver
{
    void OnEvent(DrillEvent drillEvent);
}
