using DrillBot.Drills.Running.Events;

namespace DrillBot.Runs.Events;

/// <summary>
/// Raised by the service (not the engine) when the live samples first show a stable recovery: a
/// progress hint for Slack; the report's recovery time is the authoritative number.
/// </summary>
internal sealed record RecoveryDetected(string RunId, string Drill, DateTimeOffset At, double Seconds, string ServedBy) : DrillEvent(RunId, Drill, At);
