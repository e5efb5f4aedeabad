using DrillBot.Drills.Running.Events;

namespace DrillBot.Runs;

/// <summary>
/// A slow consumer of a run's events (history, Slack): called in event order on the run's own pump,
/// never on the engine's threads. Probe samples are not delivered here (too many).
/// </summary>
internal interface IRunSink
{
    Task HandleAsync(DrillEvent drillEvent, CancellationToken cancellationToken);
}
