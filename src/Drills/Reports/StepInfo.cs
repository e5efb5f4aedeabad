namespace DrillBot.Drills.Reports;

/// <summary>A step as it ran: when the API server acknowledged it, what it did, whether it failed.</summary>
public sealed record StepInfo(int Index, string Kind, string Description, DateTimeOffset? At, bool Fault, bool Ok, string? Error)
{
    /// <summary>Applied by the control run (docs/drills-yaml.md#control), not the real one.</summary>
    public bool Control { get; init; }
}
