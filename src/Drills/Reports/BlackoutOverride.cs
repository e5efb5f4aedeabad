namespace DrillBot.Drills.Reports;

/// <summary>Report field <c>trigger.overrideBlackout</c>: a manual run started inside a blackout, with who and why.</summary>
public sealed record BlackoutOverride(string Blackout, string Reason, string By);
