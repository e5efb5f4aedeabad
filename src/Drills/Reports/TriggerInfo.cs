using DrillBot.Drills.Running;

namespace DrillBot.Drills.Reports;

/// <summary>Report field <c>trigger</c>; <see cref="OverrideBlackout"/> is set when a person ran inside a blackout.</summary>
public sealed record TriggerInfo(TriggerKind Kind, string By)
{
    public BlackoutOverride? OverrideBlackout { get; init; }
}
