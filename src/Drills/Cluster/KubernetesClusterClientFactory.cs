using System.Collections.Concurrent;
using DrillBot.Drills.Definitions;
using k8s;
using k8s.Exceptions;

namespace DrillBot.Drills.Cluster;

/// <summary>
/// Builds KubernetesClient clients from drills.yaml clusters: a kubeconfig context (the cluster's
/// <c>kubeconfig</c>, else the first file of $KUBECONFIG, else ~/.kube/config) or in-cluster config.
/// Clients are cached per cluster name.
/// </summary>
public sealed class KubernetesClusterClientFactory(TimeProvider time, ClusterRetryOptions? retry = null, Func<string, string?>? environment = null) : IClusterClientFactory, IDisposable
{
    private readonly ConcurrentDictionary<string, (IClusterClient Client, IKubernetes Kubernetes)> _clients = new(StringComparer.Ordinal);

    public ClusterResult<IClusterClient> Create(ClusterDefinition cluster)
    {
        if (_clients.TryGetValue(cluster.Name, out var cached))
        {
            return ClusterResult<IClusterClient>.Success(cached.Client);
        }

        try
        {
            var config = cluster.InCluster
                ? KubernetesClientConfiguration.InClusterConfig()
                : KubernetesClientConfiguration.BuildConfigFromConfigFile(KubeconfigPath(cluster), cluster.Context);
            config.HttpClientTimeout = TimeSpan.FromSeconds(30);
            var kubernetes = new Kubernetes(config);
            var client = new KubernetesClusterClient(cluster.Name, kubernetes, new ClusterCall(cluster.Name, time, retry ?? new ClusterRetryOptions()));
            _clients[cluster.Name] = (client, kubernetes);
            return ClusterResult<IClusterClient>.Success(client);
        }
        catch (Exception e) when (e is KubeConfigException or IOException or ArgumentException or InvalidOperationException or UnauthorizedAccessException)
        {
            var how = cluster.InCluster ? "in-cluster config" : $"kube context '{cluster.Context}' from {KubeconfigPath(cluster)}";
            return ClusterResult<IClusterClient>.Failure(new ClusterError(ClusterErrorKind.Invalid, null, $"cluster {cluster.Name}: cannot use {how}: {e.Message}"));
        }
    }

    private string KubeconfigPath(ClusterDefinition cluster)
    {
        if (cluster.Kubeconfig is { } path)
        {
            return path;
        }

        var env = (environment ?? Environment.GetEnvironmentVariable)("KUBECONFIG");
        return string.IsNullOrEmpty(env)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config")
            : env.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)[0];
    }

    public void Dispose()
    {
        foreach (var (_, k) in _clients.Values)
        {
            k.Dispose();
        }

        _clients.Clear();
    }
}
