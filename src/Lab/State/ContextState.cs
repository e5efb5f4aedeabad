using DrillBot.Lab.Api;
using DrillBot.Lab.Controllers;

namespace DrillBot.Lab.State;

/// <summary>One emulated cluster: its spec, its object store and what its API server serves.</summary>
internal sealed class ContextState(LabContextSpec spec, int index, bool isMesh, IReadOnlyList<LabOwnerSpec>? owners = null)
{
    private readonly IReadOnlyList<LabOwnerSpec> _owners = owners ?? [];

    public LabContextSpec Spec { get; } = spec;

    public string Name => Spec.Name;

    public string? Region => Spec.Region;

    public string? Zone => Spec.Zone;

    public int Index { get; } = index;

    public ObjectStore Store { get; } = new();

    /// <summary>Deployments, Pods, Endpoints and Services (a cluster with a region runs pods).</summary>
    public bool ServesWorkloads => Spec.Region is not null;

    /// <summary>The Istio networking objects (the mesh control plane).</summary>
    public bool ServesIstio { get; } = isMesh;

    /// <summary>Argo CD, Flux and KEDA CRDs are installed where the topology declares such an owner.</summary>
    public bool ServesCustomKind(string kind) => _owners.Any(o => OwnerKinds.KindOf(o.Kind) == kind);

    /// <summary>Namespaces that exist in this cluster (the owners' namespaces, e.g. argocd, included).</summary>
    public IReadOnlyList<string> Namespaces(string bookinfoNamespace) =>
        new[] { bookinfoNamespace, "kube-system", "kube-public", "kube-node-lease", "istio-system" }
            .Concat(_owners.Select(o => o.NamespaceOr(bookinfoNamespace)))
            .Distinct(StringComparer.Ordinal).ToArray();
}
