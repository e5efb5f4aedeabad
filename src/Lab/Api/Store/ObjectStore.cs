using System.Globalization;
using System.Text.Json.Nodes;

namespace DrillBot.Lab.Api;

/// <summary>
/// The stored objects of one emulated cluster (its "etcd"): Deployments, Istio objects, Leases.
/// Not thread-safe on its own: every access happens under the Lab's world lock.
/// </summary>
internal sealed class ObjectStore
{
    private readonly Dictionary<(string Kind, string Namespace, string Name), JsonObject> _objects = [];
    private long _revision = 1000;

    /// <summary>The current revision (used as a list's resourceVersion).</summary>
    public string Revision => _revision.ToString(CultureInfo.InvariantCulture);

    /// <summary>A new resourceVersion for a write.</summary>
    public string NextResourceVersion() => (++_revision).ToString(CultureInfo.InvariantCulture);

    public JsonObject? Get(string kind, string ns, string name) =>
        _objects.GetValueOrDefault((kind, ns, name));

    public IEnumerable<JsonObject> List(string kind, string? ns) =>
        _objects.Where(p => p.Key.Kind == kind && (ns is null || p.Key.Namespace == ns))
            .OrderBy(p => p.Key.Namespace, StringComparer.Ordinal)
            .ThenBy(p => p.Key.Name, StringComparer.Ordinal)
            .Select(p => p.Value);

    /// <summary>Stores <paramref name="obj"/> (the store owns it from now on; never mutate it afterwards).</summary>
    public void Put(string kind, string ns, string name, JsonObject obj) => _objects[(kind, ns, name)] = obj;

    public bool Remove(string kind, string ns, string name) => _objects.Remove((kind, ns, name));
}
