using System.Text.Json.Nodes;
using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Owners;

/// <summary>
/// A controller that owns one of the drill's objects (docs/operations.md, "Owners: GitOps and autoscalers"):
/// <see cref="Acts"/> when it would undo the drill's change during the run, <see cref="Why"/> says how, <see cref="Pause"/> is
/// the merge patch that pauses it (null with <see cref="CannotPause"/> when DrillBot cannot).
/// </summary>
public sealed record OwnerFinding(OwnerType Type, ObjectRef Owner, ObjectRef Target, bool Acts, string Why)
{
    /// <summary>The owner object was read (false: the object names an owner that is not where DrillBot looked).</summary>
    public bool Found { get; init; } = true;

    /// <summary>The merge patch that pauses the owner for the run (restored from the journal like any change).</summary>
    public JsonObject? Pause { get; init; }

    /// <summary>What pausing does, in words (<c>switch off automated sync (spec.syncPolicy.automated)</c>).</summary>
    public string? PauseDescription { get; init; }

    /// <summary>Why DrillBot cannot pause it (then <c>owners: pause</c> refuses too).</summary>
    public string? CannotPause { get; init; }

    /// <summary>What the run did about it.</summary>
    public OwnerAction Action { get; init; } = OwnerAction.None;

    /// <summary>The owner object as read (null when not found), for the leftovers check.</summary>
    public JsonObject? Current { get; init; }

    /// <summary><c>Argo CD Application argocd/bookinfo in cluster hangzhou</c>.</summary>
    public string Describe() => $"{TypeName} {Owner.Kind} {Owner.Namespace}/{Owner.Name} in cluster {Owner.Cluster}";

    private string TypeName => Type switch
    {
        OwnerType.ArgoCd => "Argo CD",
        OwnerType.Flux => "Flux",
        OwnerType.Keda => "KEDA",
        _ => "autoscaling/v2",
    };
}
