using DrillBot.Drills.Running;
using DrillBot.Drills.Running.Events;
using DrillBot.Logging;
using Microsoft.Extensions.Logging;

namespace DrillBot.Runs.Sinks;

/// <summary>Logs a run's phase changes (the engine logs its steps and the verdict itself); lines carry the run's scope.</summary>
internal sealed class RunLogObserver(ILogger logger) : IDrillObserver
{
    public void OnEvent(DrillEvent drillEvent)
    {
        if (drillEvent is PhaseChanged phase)
        {
            ServiceLog.RunPhase(logger, phase.RunId, phase.Phase);
        }
    }
}
