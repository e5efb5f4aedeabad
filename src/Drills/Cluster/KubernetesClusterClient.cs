using System.Text.Json;
using System.Text.Json.Nodes;
using DrillBot.Drills.Journal;
using k8s;
using k8s.Models;

namespace DrillBot.Drills.Cluster;

/// <summary><see cref="IClusterClient"/> over KubernetesClient: raw JSON through the custom-objects API, typed scale and leases.</summary>
internal sealed partial class KubernetesClusterClient(string name, IKubernetes client, ClusterCall call) : IClusterClient
{
    /// <summary>The field manager of every write (what managedFields, and so a drift report, name for DrillBot's own changes).</summary>
    public const string FieldManager = "drillbot";

    private string? _istioVersion;

    public string Name { get; } = name;

    public async Task<ClusterResult<JsonObject?>> GetAsync(ObjectRef target, CancellationToken cancellationToken)
    {
        if (target.Kind is ObjectKind.Endpoints or ObjectKind.ConfigMap or ObjectKind.Pod)
        {
            return await GetCoreAsync(target, cancellationToken);
        }

        var (group, version, plural) = await PathOf(target.Kind, cancellationToken);
        var r = await call.RunAsync("get", Describe(target), ct => client.CustomObjects.GetNamespacedCustomObjectAsync(group, version, target.Namespace, plural, target.Name, ct), cancellationToken);
        return r.Error?.Kind == ClusterErrorKind.NotFound ? ClusterResult<JsonObject?>.Success(null)
            : r.Ok ? ClusterResult<JsonObject?>.Success(ToJson(r.Value)) : r.As<JsonObject?>();
    }

    public async Task<ClusterResult<JsonObject>> PatchAsync(ObjectRef target, JsonObject mergePatch, CancellationToken cancellationToken)
    {
        var (group, version, plural) = await PathOf(target.Kind, cancellationToken);
        var patch = new V1Patch(mergePatch.ToJsonString(), V1Patch.PatchType.MergePatch);
        var r = await call.RunAsync("patch", Describe(target), ct => client.CustomObjects.PatchNamespacedCustomObjectAsync(patch, group, version, target.Namespace, plural, target.Name, fieldManager: FieldManager, cancellationToken: ct), cancellationToken);
        return r.Ok ? ClusterResult<JsonObject>.Success(ToJson(r.Value)!) : r.As<JsonObject>();
    }

    public async Task<ClusterResult<JsonObject>> CreateAsync(ObjectRef target, JsonObject body, CancellationToken cancellationToken)
    {
        var (group, version, plural) = await PathOf(target.Kind, cancellationToken);
        body["apiVersion"] = $"{group}/{version}";
        var element = JsonSerializer.Deserialize<JsonElement>(body.ToJsonString());
        var r = await call.RunAsync("create", Describe(target), ct => client.CustomObjects.CreateNamespacedCustomObjectAsync(element, group, version, target.Namespace, plural, fieldManager: FieldManager, cancellationToken: ct), cancellationToken);
        return r.Ok ? ClusterResult<JsonObject>.Success(ToJson(r.Value)!) : r.As<JsonObject>();
    }

    public async Task<ClusterResult<bool>> DeleteAsync(ObjectRef target, CancellationToken cancellationToken)
    {
        var (group, version, plural) = await PathOf(target.Kind, cancellationToken);
        var r = await call.RunAsync("delete", Describe(target), ct => client.CustomObjects.DeleteNamespacedCustomObjectAsync(group, version, target.Namespace, plural, target.Name, cancellationToken: ct), cancellationToken);
        return r.Error?.Kind == ClusterErrorKind.NotFound ? ClusterResult<bool>.Success(false) : r.Ok ? ClusterResult<bool>.Success(true) : r.As<bool>();
    }

    public async Task<ClusterResult<int>> GetScaleAsync(string @namespace, string deployment, CancellationToken cancellationToken)
    {
        var r = await call.RunAsync("get scale of", $"Deployment {@namespace}/{deployment}", ct => client.AppsV1.ReadNamespacedDeploymentScaleAsync(deployment, @namespace, cancellationToken: ct), cancellationToken);
        return r.Ok ? ClusterResult<int>.Success(r.Value!.Spec?.Replicas ?? 0) : r.As<int>();
    }

    public async Task<ClusterResult<int>> PatchScaleAsync(string @namespace, string deployment, int replicas, CancellationToken cancellationToken)
    {
        var patch = new V1Patch($"{{\"spec\":{{\"replicas\":{replicas}}}}}", V1Patch.PatchType.MergePatch);
        var r = await call.RunAsync("scale", $"Deployment {@namespace}/{deployment}", ct => client.AppsV1.PatchNamespacedDeploymentScaleAsync(patch, deployment, @namespace, fieldManager: FieldManager, cancellationToken: ct), cancellationToken);
        return r.Ok ? ClusterResult<int>.Success(r.Value!.Spec?.Replicas ?? replicas) : r.As<int>();
    }

    public async Task<ClusterResult<int>> GetReadyReplicasAsync(string @namespace, string deployment, CancellationToken cancellationToken)
    {
        var r = await GetAsync(new ObjectRef(Name, ObjectKind.Deployment, @namespace, deployment), cancellationToken);
        if (!r.Ok)
        {
            return r.As<int>();
        }

        return r.Value is null
            ? ClusterResult<int>.Failure(new ClusterError(ClusterErrorKind.NotFound, 404, $"cluster {Name}: Deployment {@namespace}/{deployment} does not exist"))
            : ClusterResult<int>.Success(r.Value["status"]?["readyReplicas"]?.GetValue<int>() ?? 0);
    }

    public Task<ClusterResult<LeaseState?>> GetLeaseAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        LeaseCalls.GetAsync(client, call, @namespace, name, cancellationToken);

    public Task<ClusterResult<LeaseState>> CreateLeaseAsync(string @namespace, LeaseState lease, CancellationToken cancellationToken) =>
        LeaseCalls.CreateAsync(client, call, @namespace, lease, cancellationToken);

    public Task<ClusterResult<LeaseState>> UpdateLeaseAsync(string @namespace, LeaseState lease, CancellationToken cancellationToken) =>
        LeaseCalls.UpdateAsync(client, call, @namespace, lease, cancellationToken);

    /// <summary>Read-only core objects (Endpoints, ConfigMaps) through the typed API; 404 is a null value.</summary>
    private async Task<ClusterResult<JsonObject?>> GetCoreAsync(ObjectRef target, CancellationToken cancellationToken)
    {
        var r = await call.RunAsync("get", Describe(target), async ct => target.Kind switch
        {
            ObjectKind.Endpoints => (object)await client.CoreV1.ReadNamespacedEndpointsAsync(target.Name, target.Namespace, cancellationToken: ct),
            ObjectKind.Pod => await client.CoreV1.ReadNamespacedPodAsync(target.Name, target.Namespace, cancellationToken: ct),
            _ => await client.CoreV1.ReadNamespacedConfigMapAsync(target.Name, target.Namespace, cancellationToken: ct),
        }, cancellationToken);
        return r.Error?.Kind == ClusterErrorKind.NotFound ? ClusterResult<JsonObject?>.Success(null)
            : r.Ok ? ClusterResult<JsonObject?>.Success(JsonNode.Parse(KubernetesJson.Serialize(r.Value)) as JsonObject) : r.As<JsonObject?>();
    }

    private async Task<(string Group, string Version, string Plural)> PathOf(ObjectKind kind, CancellationToken cancellationToken)
    {
        var (group, plural) = ResourceKinds.Of(kind);
        if (kind == ObjectKind.EnvoyFilter)
        {
            return (group, ResourceKinds.EnvoyFilterVersion, plural);
        }

        if (group != ResourceKinds.IstioGroup)
        {
            return (group, ResourceKinds.Version(kind), plural);
        }

        _istioVersion ??= await DiscoverIstioVersion(cancellationToken);
        return (group, _istioVersion, plural);
    }

    private async Task<string> DiscoverIstioVersion(CancellationToken cancellationToken)
    {
        var r = await call.RunAsync("discover", "API groups", ct => client.Apis.GetAPIVersionsAsync(ct), cancellationToken);
        var served = r.Value?.Groups?.FirstOrDefault(g => g.Name == ResourceKinds.IstioGroup)?.Versions?.Select(v => v.Version).ToHashSet(StringComparer.Ordinal);
        return ResourceKinds.IstioVersions.FirstOrDefault(v => served?.Contains(v) == true) ?? ResourceKinds.IstioVersions[0];
    }

    private static string Describe(ObjectRef target) => $"{target.Kind} {target.Namespace}/{target.Name}";

    private static JsonObject? ToJson(object? value) => value switch
    {
        null => null,
        JsonElement e => JsonNode.Parse(e.GetRawText()) as JsonObject,
        _ => JsonNode.Parse(JsonSerializer.Serialize(value)) as JsonObject,
    };
}
