using DrillBot.Drills.Drift;

namespace DrillBot.Drills.Reports;

/// <summary>
/// Report field <c>drift</c>: the change someone else made to a field the drill set while it ran (the run was aborted for
/// it; docs/drills-yaml.md#drift). <see cref="Field"/> null: the object was deleted; <see cref="Manager"/> null: the server
/// keeps no managedFields; <see cref="SecondsAfterFault"/> null: before the fault.
/// </summary>
public sealed record DriftInfo(string Cluster, string Kind, string Namespace, string Name, string? Field, string? Value, string? Manager, DateTimeOffset At, double? SecondsAfterFault)
{
    public static DriftInfo Of(DriftFinding f, DateTimeOffset? faultAt) => new(f.Target.Cluster, f.Target.Kind.ToString(), f.Target.Namespace, f.Target.Name,
        f.Field, f.Value, f.Manager, f.At, faultAt is { } t0 && f.At >= t0 ? Math.Round((f.At - t0).TotalSeconds, 3) : null);
}
