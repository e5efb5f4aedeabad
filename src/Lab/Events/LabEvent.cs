namespace DrillBot.Lab;

/// <summary>One entry of the ground-truth timeline (kinds in <see cref="LabEventKinds"/>).</summary>
/// <param name="Time">When it happened (the scheduled moment, by the Lab's <see cref="TimeProvider"/>).</param>
/// <param name="Kind">What happened, e.g. <c>endpoint-removed</c>.</param>
/// <param name="Context">The kube context the object lives in.</param>
/// <param name="Object">The object, e.g. <c>Endpoint/default/reviews/reviews-v1-…</c>.</param>
/// <param name="Detail">Extra facts, e.g. <c>replicas=0</c>.</param>
/// <param name="Region">The region the object lives in; null for the mesh control plane.</param>
public sealed record LabEvent(DateTimeOffset Time, string Kind, string Context, string Object, string? Detail, string? Region);
