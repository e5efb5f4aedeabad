namespace DrillBot.Drills.Running.Events;

/// <summary>The verdict and its reasons.</summary>
public sealed record VerdictReached(string RunId, string Drill, DateTimeOffset At, Verdict Verdict, IReadOnlyList<string> Reasons) : DrillEvent(RunId, Drill, At);
