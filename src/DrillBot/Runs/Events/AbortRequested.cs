using DrillBot.Drills.Running.Events;

namespace DrillBot.Runs.Events;

/// <summary>Raised by the service when someone asked to abort the run; <see cref="Reason"/> is set for a freeze (<c>frozen by @x: REASON</c>).</summary>
internal sealed record AbortRequested(string RunId, string Drill, DateTimeOffset At, string By) : DrillEvent(RunId, Drill, At)
{
    public string? Reason { get; init; }
}
