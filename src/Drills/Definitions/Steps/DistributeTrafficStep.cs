namespace DrillBot.Drills.Definitions;

/// <summary>Sets locality-weighted distribution on a DestinationRule.</summary>
public sealed record DistributeTrafficStep : ObjectStepDefinition
{
    public override string Kind => "distributeTraffic";
    public required string DestinationRule { get; init; }
    public required IReadOnlyList<DistributeRule> Distribute { get; init; }
    public OutlierDetectionSettings? OutlierDetection { get; init; }
}

/// <summary>Traffic from locality <paramref name="From"/> goes to the localities of <paramref name="To"/> by weight (total 100).</summary>
public sealed record DistributeRule(string From, IReadOnlyDictionary<string, int> To);
