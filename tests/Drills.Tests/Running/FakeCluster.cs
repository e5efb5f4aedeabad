using System.Text.Json.Nodes;
using DrillBot.Drills.Cluster;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Json;

namespace DrillBot.Drills.Tests.Running;

/// <summary>An in-memory cluster behind the engine's narrow interface; <see cref="OnScale"/> lets a test break a call.</summary>
internal sealed class FakeCluster(string name) : IClusterClient, IClusterClientFactory
{
    private readonly Dictionary<ObjectRef, JsonObject> _objects = [];
    private readonly Dictionary<string, LeaseState> _leases = [];
    private int _version;

    public string Name { get; } = name;

    public Action? OnScale { get; set; }

    /// <summary>Access reviews answer "not allowed" for these (verb, resource[/subresource]) pairs.</summary>
    public HashSet<(string Verb, string Resource)> Denied { get; } = [];

    /// <summary>Lists of these kinds answer 403.</summary>
    public HashSet<ObjectKind> ForbiddenLists { get; } = [];

    /// <summary>Every access review asked, in order.</summary>
    public List<AccessCheck> Reviews { get; } = [];

    public void Put(ObjectKind kind, string objectName, string json, string ns = "default") => _objects[new ObjectRef(Name, kind, ns, objectName)] = JsonTools.Parse(json);

    public JsonObject? Object(ObjectKind kind, string objectName, string ns = "default") => _objects.GetValueOrDefault(new ObjectRef(Name, kind, ns, objectName));

    public ClusterResult<IClusterClient> Create(ClusterDefinition cluster) => ClusterResult<IClusterClient>.Success(this);

    public Task<ClusterResult<JsonObject?>> GetAsync(ObjectRef target, CancellationToken cancellationToken) =>
        Task.FromResult(ClusterResult<JsonObject?>.Success((JsonObject?)Object(target.Kind, target.Name, target.Namespace)?.DeepClone()));

    public Task<ClusterResult<JsonObject>> PatchAsync(ObjectRef target, JsonObject mergePatch, CancellationToken cancellationToken)
    {
        var obj = Object(target.Kind, target.Name, target.Namespace)!;
        Merge(obj, mergePatch);
        return Task.FromResult(ClusterResult<JsonObject>.Success((JsonObject)obj.DeepClone()));
    }

    public Task<ClusterResult<JsonObject>> CreateAsync(ObjectRef target, JsonObject body, CancellationToken cancellationToken)
    {
        _objects[target with { Cluster = Name }] = (JsonObject)body.DeepClone();
        return Task.FromResult(ClusterResult<JsonObject>.Success(body));
    }

    public Task<ClusterResult<bool>> DeleteAsync(ObjectRef target, CancellationToken cancellationToken) =>
        Task.FromResult(ClusterResult<bool>.Success(_objects.Remove(target with { Cluster = Name })));

    public Task<ClusterResult<int>> GetScaleAsync(string @namespace, string deployment, CancellationToken cancellationToken) =>
        Task.FromResult(ClusterResult<int>.Success(Object(ObjectKind.Deployment, deployment)!["spec"]!["replicas"]!.GetValue<int>()));

    public Task<ClusterResult<int>> PatchScaleAsync(string @namespace, string deployment, int replicas, CancellationToken cancellationToken)
    {
        OnScale?.Invoke();
        Object(ObjectKind.Deployment, deployment)!["spec"]!["replicas"] = replicas;
        return Task.FromResult(ClusterResult<int>.Success(replicas));
    }

    public Task<ClusterResult<int>> GetReadyReplicasAsync(string @namespace, string deployment, CancellationToken cancellationToken) =>
        Task.FromResult(ClusterResult<int>.Success(1));

    public Task<ClusterResult<LeaseState?>> GetLeaseAsync(string @namespace, string leaseName, CancellationToken cancellationToken) =>
        Task.FromResult(ClusterResult<LeaseState?>.Success(_leases.GetValueOrDefault(leaseName)));

    public Task<ClusterResult<LeaseState>> CreateLeaseAsync(string @namespace, LeaseState lease, CancellationToken cancellationToken) => Store(lease);

    public Task<ClusterResult<LeaseState>> UpdateLeaseAsync(string @namespace, LeaseState lease, CancellationToken cancellationToken) => Store(lease);

    public Task<ClusterResult<ObjectList>> ListAsync(ObjectKind kind, string @namespace, CancellationToken cancellationToken) => ForbiddenLists.Contains(kind)
        ? Task.FromResult(ClusterResult<ObjectList>.Failure(new ClusterError(ClusterErrorKind.Forbidden, 403, $"cluster {Name}: list {kind} in namespace {@namespace} was refused: 403 Forbidden")))
        : Task.FromResult(ClusterResult<ObjectList>.Success(new ObjectList(true, [.. _objects.Where(o => o.Key.Kind == kind && o.Key.Namespace == @namespace).Select(o => (JsonObject)o.Value.DeepClone())])));

    public Task<ClusterResult<AccessDecision>> ReviewAccessAsync(AccessCheck check, CancellationToken cancellationToken)
    {
        lock (Reviews)
        {
            Reviews.Add(check);
        }

        var resource = check.Subresource is null ? check.Resource : $"{check.Resource}/{check.Subresource}";
        return Task.FromResult(ClusterResult<AccessDecision>.Success(new AccessDecision(!Denied.Contains((check.Verb, resource)), null)));
    }

    public Task<ClusterResult<JsonObject?>> DryRunAsync(PlannedWrite write, CancellationToken cancellationToken) =>
        Task.FromResult(ClusterResult<JsonObject?>.Success(write.Body));

    /// <summary>Nothing changes behind the engine's back in a fake: the watch stays open and quiet until stopped.</summary>
    public async IAsyncEnumerable<ObjectEvent> WatchAsync(ObjectRef target, string? resourceVersion, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // stopped
        }

        yield break;
    }

    private Task<ClusterResult<LeaseState>> Store(LeaseState lease)
    {
        var stored = lease with { ResourceVersion = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        _leases[lease.Name] = stored;
        return Task.FromResult(ClusterResult<LeaseState>.Success(stored));
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (k, v) in patch)
        {
            if (v is null)
            {
                target.Remove(k);
            }
            else if (v is JsonObject p && target[k] is JsonObject t)
            {
                Merge(t, p);
            }
            else
            {
                target[k] = v is JsonObject o ? Strip(o) : v.DeepClone();
            }
        }
    }

    private static JsonObject Strip(JsonObject o)
    {
        var copy = new JsonObject();
        Merge(copy, o);
        return copy;
    }
}
