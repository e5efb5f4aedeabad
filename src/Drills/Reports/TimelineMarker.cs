namespace DrillBot.Drills.Reports;

/// <summary>A moment on the timeline: <c>steady-state</c>, <c>step</c>, <c>fault</c>, <c>failover</c>, <c>recovered</c>, <c>observe-end</c>, <c>restore-start</c>, <c>restore-done</c>, <c>failback</c>, <c>abort</c>.</summary>
public sealed record TimelineMarker(DateTimeOffset At, string Kind, string Label);
