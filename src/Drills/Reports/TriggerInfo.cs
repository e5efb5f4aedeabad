using DrillBot.Drills.Running;

namespace DrillBot.Drills.Reports;

/// <summary>Report field <c>trigger</c>.</summary>
public sealed record TriggerInfo(TriggerKind Kind, string By);
