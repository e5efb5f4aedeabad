namespace DrillBot.Lab.Mesh;

/// <summary>A <c>localityLbSetting</c>: a DestinationRule's <c>trafficPolicy.loadBalancer</c> one or the mesh-wide one.</summary>
internal sealed record LocalityLbSpec(
    bool? Enabled,
    IReadOnlyList<DistributeRule> Distribute,
    IReadOnlyList<(string From, string To)> Failover)
{
    /// <summary>The setting named <c>failoverPriority</c> labels: not modelled, ignored (noted in the timeline).</summary>
    public bool IgnoredFailoverPriority { get; init; }
}

/// <summary>One <c>distribute</c> entry: traffic from <see cref="From"/> is split by the weighted <see cref="To"/> patterns.</summary>
internal sealed record DistributeRule(string From, IReadOnlyList<(string Pattern, int Weight)> To);
