namespace DrillBot.Lab;

/// <summary>Settings of one Bookinfo Service (the Kubernetes Service object of an app).</summary>
public sealed record LabServiceSpec
{
    /// <summary>
    /// <c>spec.trafficDistribution</c>: null (unset) or <c>PreferClose</c>. Istio ≥ 1.25 turns
    /// <c>PreferClose</c> into locality failover priorities (network, region, zone, subzone) even without
    /// outlierDetection, unless the service's DestinationRule has its own <c>localityLbSetting</c>.
    /// </summary>
    public string? TrafficDistribution { get; init; }

    /// <summary>True when the service asks for <c>PreferClose</c> (also spelled <c>PreferSameZone</c> since Kubernetes 1.33).</summary>
    public bool PreferClose => TrafficDistribution is "PreferClose" or "PreferSameZone";
}
