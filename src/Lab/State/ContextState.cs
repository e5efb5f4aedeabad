using DrillBot.Lab.Api;

namespace DrillBot.Lab.State;

/// <summary>One emulated cluster: its spec, its object store and what its API server serves.</summary>
internal sealed class ContextState(LabContextSpec spec, int index, bool isMesh)
{
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

    /// <summary>Namespaces that exist in this cluster.</summary>
    public IReadOnlyList<string> Namespaces(string bookinfoNamespace) =>
        new[] { bookinfoNamespace, "kube-system", "kube-public", "kube-node-lease", "istio-system" }
            .Distinct(StringComparer.Ordinal).ToArray();
}
