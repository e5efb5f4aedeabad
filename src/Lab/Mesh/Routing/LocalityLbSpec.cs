namespace DrillBot.Lab.Mesh;

/// <summary>A DestinationRule's <c>trafficPolicy.loadBalancer.localityLbSetting</c>.</summary>
internal sealed record LocalityLbSpec(
    bool? Enabled,
    IReadOnlyList<DistributeRule> Distribute,
    IReadOnlyList<(string From, string To)> Failover);

/// <summary>One <c>distribute</c> entry: traffic from <see cref="From"/> is split by the weighted <see cref="To"/> patterns.</summary>
internal sealed record DistributeRule(string From, IReadOnlyList<(string Pattern, int Weight)> To);
