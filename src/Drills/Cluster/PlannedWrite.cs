using System.Text.Json.Nodes;
using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Cluster;

/// <summary>How a write reaches the API server.</summary>
public enum WriteKind
{
    /// <summary>JSON merge patch of the object.</summary>
    Patch,

    /// <summary>JSON merge patch of spec.replicas through the Deployment's scale subresource.</summary>
    Scale,

    /// <summary>Create the object.</summary>
    Create,

    /// <summary>Delete the object.</summary>
    Delete,
}

/// <summary>
/// A write a run will make, sent with <c>dryRun=All</c> by the permission preflight
/// (https://kubernetes.io/docs/reference/using-api/api-concepts/#dry-run): authorization, admission and validation run, nothing is stored.
/// </summary>
public sealed record PlannedWrite(WriteKind Kind, ObjectRef Target, JsonObject? Body)
{
    /// <summary><c>patch DestinationRule default/reviews</c>.</summary>
    public string Describe() => $"{Kind.ToString().ToLowerInvariant()} {(Kind == WriteKind.Scale ? "the scale of " : "")}{Target.Kind} {Target.Namespace}/{Target.Name}";
}
