namespace DrillBot.Lab.Mesh;

/// <summary>Everything in the mesh config that shapes how productpage reaches reviews.</summary>
internal sealed record ReviewsPolicy(
    OutlierSettings? Outlier,
    LocalityLbSpec? LocalityLb,
    bool RandomLb,
    IReadOnlyList<EndpointFault> Faults)
{
    public static ReviewsPolicy None { get; } = new(null, null, false, []);

    /// <summary>Identity of the reviews DestinationRule's content: when it changes Envoy rebuilds the cluster.</summary>
    public string ClusterKey { get; init; } = "";

    /// <summary>The first fault whose subset selects this app/version, if any.</summary>
    public EndpointFault? FaultFor(string app, string version) => Faults.FirstOrDefault(f => f.AppliesTo(app, version));
}
