namespace DrillBot.Lab.Mesh;

/// <summary>
/// What an Envoy HTTP fault filter does: an optional delay and an optional abort, each for a percentage
/// of requests. The same shape serves a VirtualService <c>http[].fault</c> (applied in the caller's sidecar)
/// and an EnvoyFilter-inserted <c>envoy.filters.http.fault</c> (applied in the selected pods' inbound sidecar).
/// </summary>
internal sealed record HttpFaultSpec(int? AbortStatus, double AbortPercent, TimeSpan? Delay, double DelayPercent)
{
    public bool HasAbort => AbortStatus is not null && AbortPercent > 0;

    public bool HasDelay => Delay is { } d && d > TimeSpan.Zero && DelayPercent > 0;
}
