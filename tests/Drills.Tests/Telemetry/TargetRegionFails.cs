using DrillBot.Drills.Running;
using DrillBot.Drills.Running.Events;
using DrillBot.Lab;

namespace DrillBot.Drills.Tests.Telemetry;

/// <summary>
/// Makes the failover target fail too, from the fault step (t0) until the restore begins: the region outage users feel.
/// Acts on the engine's thread at those events, so the window is exactly the drill's.
/// </summary>
internal sealed class TargetRegionFails(LabHost lab, string region) : IDrillObserver
{
    public void OnEvent(DrillEvent drillEvent)
    {
        switch (drillEvent)
        {
            case StepApplied { Fault: true }:
                lab.Control.SetRegionFailing(region, true);
                break;
            case PhaseChanged { Phase: RunPhase.Restore }:
                lab.Control.SetRegionFailing(region, false);
                break;
        }
    }
}
