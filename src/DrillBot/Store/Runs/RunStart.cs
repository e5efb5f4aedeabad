using DrillBot.Drills.Running;
namespace DrillBot.Store.Runs;

/// <summary>A run as it starts. <paramref name="OwnerInstance"/> is the service instance running it.</summary>
/// <see cref="OverrideBlackout"/>: the blackout a person overrode (the reason is the trigger's); <see cref="ApprovalId"/>: the approval it used.
public sealed record RunStart(string RunId, string Drill, RunTrigger Trigger, DateTimeOffset StartedAt, string OwnerInstance)
{
    public string? OverrideBlackout { get; init; }

    public string? ApprovalId { get; init; }
}
