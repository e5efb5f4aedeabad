using DrillBot.Drills.Owners;

namespace DrillBot.Drills.Reports;

/// <summary>
/// Report field <c>owners[]</c>: a controller that owns one of the drill's objects (Argo CD, Flux, KEDA, an HPA), whether it
/// would undo the drill's change, and what the run did about it (docs/drills-yaml.md#owners).
/// </summary>
public sealed record OwnerInfo(OwnerType Type, string Cluster, string Kind, string Namespace, string Name, string Target, bool Acts, OwnerAction Action, string Detail)
{
    public static OwnerInfo Of(OwnerFinding f) => new(f.Type, f.Owner.Cluster, f.Owner.Kind.ToString(), f.Owner.Namespace, f.Owner.Name,
        $"{f.Target.Kind} {f.Target.Namespace}/{f.Target.Name}", f.Acts, f.Action, f.Action == OwnerAction.Paused && f.PauseDescription is { } how ? $"{f.Why}; paused: {how}" : f.Why);
}
