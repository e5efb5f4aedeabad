namespace DrillBot.Drills.Running.Events;

/// <summary>A lifecycle event of a run, raised to every <see cref="IDrillObserver"/>.</summary>
public abstract record DrillEvent(string RunId, string Drill, DateTimeOffset At);
