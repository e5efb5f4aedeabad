namespace DrillBot.Drills.Definitions;

/// <summary>Switches on locality failover (with outlier detection) on a DestinationRule.</summary>
public sealed record EnableFailoverStep : ObjectStepDefinition
{
    public override string Kind => "enableFailover";
    public required string DestinationRule { get; init; }
    public required IReadOnlyList<FailoverRule> Failover { get; init; }
    public required OutlierDetectionSettings OutlierDetection { get; init; }
    public int? MaxRequestsPerConnection { get; init; }
}

/// <summary>Traffic from region <paramref name="From"/> fails over to region <paramref name="To"/>.</summary>
public sealed record FailoverRule(string From, string To);

/// <summary>Istio outlierDetection; null fields are left out. MaxEjectionPercent defaults to 100 in drills.</summary>
public sealed record OutlierDetectionSettings(
    int? Consecutive5xxErrors,
    int? ConsecutiveGatewayErrors,
    TimeSpan? Interval,
    TimeSpan? BaseEjectionTime,
    int MaxEjectionPercent);
