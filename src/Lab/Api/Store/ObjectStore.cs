using System.Globalization;
using System.Text.Json.Nodes;

namespace DrillBot.Lab.Api;

/// <summary>
/// The stored objects of one emulated cluster (its "etcd"): Deployments, Istio and other custom resources, Leases,
/// ConfigMaps, autoscalers. Every write is also an event for watches (<see cref="Changed"/>) and kept in a bounded
/// history, so a watch can resume from a resourceVersion (older than the history: 410 Gone, like a compacted etcd).
/// Not thread-safe on its own: every access happens under the Lab's world lock.
/// </summary>
internal sealed class ObjectStore
{
    /// <summary>How many writes a watch can resume across (the rest is "compacted").</summary>
    public const int HistorySize = 4096;

    private readonly Dictionary<(string Kind, string Namespace, string Name), JsonObject> _objects = [];
    private readonly Queue<StoreEvent> _history = new();
    private long _revision = 1000;
    private long _compactedThrough = 1000; // nothing was ever written at or before the initial revision

    /// <summary>Raised under the world lock after every write (create, update, delete).</summary>
    public event Action<StoreEvent>? Changed;

    /// <summary>The current revision (used as a list's resourceVersion).</summary>
    public string Revision => _revision.ToString(CultureInfo.InvariantCulture);

    /// <summary>The current revision as a number.</summary>
    public long RevisionNumber => _revision;

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
    public void Put(string kind, string ns, string name, JsonObject obj)
    {
        var existed = _objects.ContainsKey((kind, ns, name));
        _objects[(kind, ns, name)] = obj;
        var rv = long.TryParse(obj["metadata"]?["resourceVersion"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : _revision;
        Emit(new StoreEvent(existed ? StoreEventType.Modified : StoreEventType.Added, kind, ns, name, obj, rv));
    }

    /// <summary>Deletes the object; the deletion gets a resourceVersion of its own. False when it did not exist.</summary>
    public bool Remove(string kind, string ns, string name)
    {
        if (!_objects.Remove((kind, ns, name), out var last))
        {
            return false;
        }

        var rv = ++_revision;
        var deleted = (JsonObject)last.DeepClone();
        if (deleted["metadata"] is JsonObject meta)
        {
            meta["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture);
        }

        Emit(new StoreEvent(StoreEventType.Deleted, kind, ns, name, deleted, rv));
        return true;
    }

    /// <summary>
    /// The writes after <paramref name="resourceVersion"/> that match <paramref name="filter"/>, oldest first; null when some
    /// of them are no longer retained (the watch must answer 410 Gone).
    /// </summary>
    public IReadOnlyList<StoreEvent>? EventsAfter(long resourceVersion, Func<StoreEvent, bool> filter) =>
        resourceVersion < _compactedThrough ? null : _history.Where(e => e.ResourceVersion > resourceVersion && filter(e)).ToList();

    private void Emit(StoreEvent e)
    {
        _history.Enqueue(e);
        while (_history.Count > HistorySize)
        {
            _compactedThrough = _history.Dequeue().ResourceVersion;
        }

        Changed?.Invoke(e);
    }
}
