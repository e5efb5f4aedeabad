using System.Text.Json.Nodes;
using DrillBot.Drills.Cluster;
using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Owners;

/// <summary>
/// What the owner scan read: the owners of every object the drill changes, the objects as they are now, the reads made (with
/// their outcome, for the permission preflight's list) and the errors met (a 403 is a missing permission; anything else breaks
/// the run).
/// </summary>
internal sealed record OwnerScan(
    IReadOnlyList<OwnerFinding> Findings,
    IReadOnlyDictionary<ObjectRef, JsonObject?> Objects,
    IReadOnlyList<ScanRead> Reads,
    IReadOnlyList<ClusterError> Errors)
{
    /// <summary>Whether (cluster, namespace) serves KEDA ScaledObjects (false also when the list was refused).</summary>
    public IReadOnlySet<(string Cluster, string Namespace)> KedaServed { get; init; } = new HashSet<(string, string)>();
}

/// <summary>One read of the scan: what it needed, and whether it was allowed (a 403 is not).</summary>
internal sealed record ScanRead(string Cluster, AccessCheck Check, string Why, bool Allowed, string? Error);
