using System.Text.Json.Nodes;

namespace DrillBot.Lab.Api;

/// <summary>The kind of change a watch reports (the Kubernetes watch event types).</summary>
internal enum StoreEventType
{
    Added,
    Modified,
    Deleted,
}

/// <summary>
/// One write to a context's store, as a watch sees it: the object after the write (for a delete, the last state with the
/// deletion's resourceVersion) and the resourceVersion of the write. <see cref="Object"/> is never mutated.
/// </summary>
internal sealed record StoreEvent(StoreEventType Type, string Kind, string Namespace, string Name, JsonObject Object, long ResourceVersion)
{
    /// <summary>The wire name of <see cref="Type"/> (<c>ADDED</c>, <c>MODIFIED</c>, <c>DELETED</c>).</summary>
    public string TypeName => Type switch
    {
        StoreEventType.Added => "ADDED",
        StoreEventType.Modified => "MODIFIED",
        _ => "DELETED",
    };
}
