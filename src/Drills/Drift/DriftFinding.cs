using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Drift;

/// <summary>Someone else changed a field the drill set (or deleted the object) while the drill ran.</summary>
/// <param name="Target">The object.</param>
/// <param name="Field">The field path (<c>spec.replicas</c>), or null when the object was deleted.</param>
/// <param name="Value">Its new value as compact JSON.</param>
/// <param name="Manager">The field manager that wrote it (managedFields), or null when the server does not say.</param>
/// <param name="At">When the drill saw it.</param>
public sealed record DriftFinding(ObjectRef Target, string? Field, string? Value, string? Manager, DateTimeOffset At)
{
    /// <summary><c>reviews-v1 replicas changed to 1 by argocd-controller at t+4.2s (Deployment default/reviews-v1 in cluster hangzhou)</c>.</summary>
    public string Describe(DateTimeOffset? faultAt, DateTimeOffset startedAt)
    {
        var when = faultAt is { } t0 && At >= t0
            ? $"t+{(At - t0).TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}s"
            : $"{(At - startedAt).TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}s into the run, before the fault";
        var by = Manager is null ? "someone (the server keeps no managedFields)" : Manager;
        var what = Field is null ? "was deleted" : $"{(Field == "spec.replicas" ? "replicas" : Field)} changed to {Value}";
        return $"drift: {Target.Name} {what} by {by} at {when} ({Target.Kind} {Target.Namespace}/{Target.Name} in cluster {Target.Cluster}): something else undid the drill's change, so the run no longer measured the fault; everything was restored";
    }
}
