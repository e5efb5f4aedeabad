namespace DrillBot.Drills.Definitions;

/// <summary>
/// How to reach one cluster: a kubeconfig <paramref name="Context"/> (from <paramref name="Kubeconfig"/>
/// or the default kubeconfig), or the in-cluster service account.
/// </summary>
public sealed record ClusterDefinition(string Name, string? Context, string? Kubeconfig, bool InCluster, SourceLocation Location)
{
    /// <summary>The Istio locality region of the cluster's workloads (optional; the failover preflight reads endpoints by it).</summary>
    public string? Region { get; init; }
}
