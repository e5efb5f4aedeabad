namespace DrillBot.Lab.Mesh;

/// <summary>Everything in the mesh config that shapes how productpage reaches reviews.</summary>
internal sealed record ReviewsPolicy(
    OutlierSettings? Outlier,
    LocalityLbSpec? LocalityLb,
    bool RandomLb)
{
    public static ReviewsPolicy None { get; } = new(null, null, false);

    /// <summary>Identity of the reviews DestinationRule's content: when it changes Envoy rebuilds the cluster.</summary>
    public string ClusterKey { get; init; } = "";

    /// <summary>The reviews DestinationRule's subsets: name → labels (each is its own Envoy cluster).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Subsets { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);

    /// <summary>The VirtualService route productpage's reviews requests take, or null (plain reviews host, default retries).</summary>
    public VirtualServiceRoute? Route { get; init; }

    /// <summary>EnvoyFilter faults in the inbound chain of selected pods.</summary>
    public IReadOnlyList<ServerFault> ServerFaults { get; init; } = [];

    /// <summary>Stored config the Lab does not act on.</summary>
    public IReadOnlyList<NotModelled> NotModelled { get; init; } = [];

    /// <summary>The first EnvoyFilter fault running in this pod's inbound sidecar, if any.</summary>
    public ServerFault? ServerFaultFor(string ns, string app, string version) => ServerFaults.FirstOrDefault(f => f.Selects(ns, app, version));
}
