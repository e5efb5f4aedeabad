namespace DrillBot.Lab;

/// <summary>One kube context of the emulated world: one API server, and pods when it has a region.</summary>
/// <param name="Name">The kube context (and cluster) name, e.g. <c>ack-hangzhou</c>.</param>
/// <param name="Region">The cloud region of the cluster's nodes; null for a mesh control plane.</param>
/// <param name="Deployments">The Bookinfo deployments running in this cluster.</param>
public sealed record LabContextSpec(string Name, string? Region, IReadOnlyList<LabDeploymentSpec> Deployments)
{
    /// <summary>Zone of the nodes (Istio locality <c>region/zone</c>); null when not modelled.</summary>
    public string? Zone { get; init; }

    /// <summary>API faults this context's API server starts with (changeable at run time via <see cref="LabControl"/>).</summary>
    public LabApiFaults ApiFaults { get; init; } = LabApiFaults.None;
}
