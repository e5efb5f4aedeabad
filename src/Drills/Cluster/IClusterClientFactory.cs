using DrillBot.Drills.Definitions;

namespace DrillBot.Drills.Cluster;

/// <summary>Builds a client for a cluster of drills.yaml. The default builds KubernetesClient from kubeconfig or in-cluster config.</summary>
public interface IClusterClientFactory
{
    /// <summary>A client, or an error message (one line) when the cluster cannot be configured.</summary>
    ClusterResult<IClusterClient> Create(ClusterDefinition cluster);
}
