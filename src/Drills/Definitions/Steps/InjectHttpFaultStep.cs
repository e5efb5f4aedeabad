namespace DrillBot.Drills.Definitions;

/// <summary>
/// Makes one subset of a host fail through an Istio VirtualService fault (abort and/or delay).
/// The VirtualService is created when absent (restore deletes it) or patched when present.
/// </summary>
public sealed record InjectHttpFaultStep : ObjectStepDefinition
{
    public override string Kind => "injectHttpFault";
    public required string Host { get; init; }
    public required string Subset { get; init; }
    /// <summary>The VirtualService to create or change; defaults to the host.</summary>
    public required string VirtualService { get; init; }
    public int? AbortStatus { get; init; }
    public TimeSpan? Delay { get; init; }
    public double Percentage { get; init; } = 100;
}
