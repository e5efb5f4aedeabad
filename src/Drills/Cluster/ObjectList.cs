using System.Text.Json.Nodes;

namespace DrillBot.Drills.Cluster;

/// <summary>The objects of one kind in one namespace; <see cref="Served"/> is false when the cluster does not serve the kind (its CRD is not installed).</summary>
public sealed record ObjectList(bool Served, IReadOnlyList<JsonObject> Items)
{
    public static ObjectList NotServed { get; } = new(false, []);
}
