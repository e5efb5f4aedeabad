namespace DrillBot.Lab;

/// <summary>
/// The whole emulated world. <see cref="Default"/> is the runbook's two-region Bookinfo mesh
/// (docs/lab.md). Immutable and <c>with</c>-able so tests can tweak one knob.
/// </summary>
public sealed record LabTopology
{
    /// <summary>Namespace of every Bookinfo object (Deployments, Pods, Istio objects).</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>Kube contexts; a context without a region is a mesh control plane.</summary>
    public IReadOnlyList<LabContextSpec> Contexts { get; init; } = [];

    /// <summary>
    /// The context whose ingress gateway is the primary entry point (<c>PRODUCTPAGE_URL</c>, <see cref="LabHost.ProductpageUrl"/>);
    /// it balances across every region's productpage.
    /// </summary>
    public string IngressContext { get; init; } = "ack-hangzhou";

    /// <summary>
    /// The contexts that run an ingress gateway (<c>ingresses:</c>), each with its own address; null = every regional
    /// context that runs a productpage (the runbook creates an ingress gateway per cluster). Each gateway picks
    /// productpage by productpage's own policy from its own locality.
    /// </summary>
    public IReadOnlyList<string>? IngressContexts { get; init; }

    /// <summary>The ingress gateways' contexts: <see cref="IngressContexts"/>, or every regional context with a productpage.</summary>
    public IReadOnlyList<string> Ingresses() => IngressContexts
        ?? [.. Contexts.Where(c => c.Region is not null && c.Deployments.Any(d => d.App == "productpage")).Select(c => c.Name)];

    /// <summary>The context that stores the Istio objects (Gateway, VirtualServices, DestinationRules).</summary>
    public string MeshContext { get; init; } = "asm";

    /// <summary>Which Bookinfo HTML the productpage renders.</summary>
    public LabHtmlTemplate Template { get; init; } = LabHtmlTemplate.Classic;

    /// <summary>Pod and endpoint timing.</summary>
    public LabTiming Timing { get; init; } = new();

    /// <summary>Sidecar (Envoy) behaviour that Istio configures by default.</summary>
    public LabMeshSettings Mesh { get; init; } = new();

    /// <summary>Per-app Service settings (key: app, e.g. <c>reviews</c>); apps not listed use Kubernetes' defaults.</summary>
    public IReadOnlyDictionary<string, LabServiceSpec> Services { get; init; } = new Dictionary<string, LabServiceSpec>(StringComparer.Ordinal);

    /// <summary>The Service settings of <paramref name="app"/> (defaults when not listed).</summary>
    public LabServiceSpec ServiceFor(string app) => Services.GetValueOrDefault(app) ?? Empty;

    private static readonly LabServiceSpec Empty = new();

    /// <summary>
    /// Which Envoy outlier-ejection rule the sidecars follow (<c>envoy:</c> in the topology file):
    /// <c>current</c> (Envoy 1.28 and later) or <c>legacy-ejection</c> (older proxies).
    /// </summary>
    public LabEnvoyEjection Envoy { get; init; } = LabEnvoyEjection.Current;

    /// <summary>Controllers that own objects: Argo CD Applications, Flux Kustomizations, KEDA ScaledObjects, HPAs (docs/lab.md, "Owners").</summary>
    public IReadOnlyList<LabOwnerSpec> Owners { get; init; } = [];

    /// <summary>Users besides the kubeconfig's admin, each limited to its RBAC rules (docs/lab.md, "Identities and RBAC").</summary>
    public IReadOnlyList<LabIdentity> Identities { get; init; } = [];

    /// <summary>Regions whose reviews pods stay listed and ready but answer 503 from the start.</summary>
    public IReadOnlyList<string> FailingRegions { get; init; } = [];

    /// <summary>The runbook's topology: ack-hangzhou (cn-hangzhou, ingress), ack-shanghai (cn-shanghai), asm.</summary>
    public static LabTopology Default { get; } = new()
    {
        Contexts =
        [
            new LabContextSpec("ack-hangzhou", "cn-hangzhou",
                [new("productpage-v1"), new("details-v1"), new("ratings-v1"), new("reviews-v1")]),
            new LabContextSpec("ack-shanghai", "cn-shanghai",
                [new("productpage-v1"), new("details-v1"), new("ratings-v1"), new("reviews-v2")]),
            new LabContextSpec("asm", null, []),
        ],
    };

    /// <summary>The context with this name, or null.</summary>
    public LabContextSpec? FindContext(string name) =>
        Contexts.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>Every problem with this topology (empty when it is usable), each naming the field.</summary>
    public IReadOnlyList<string> Validate() => TopologyValidator.Validate(this).Select(p => p.ToString()).ToList();
}
