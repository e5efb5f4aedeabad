namespace DrillBot.Lab;

/// <summary>API server faults of one context.</summary>
/// <param name="ErrorRatio">Fraction (0..1) of requests that fail.</param>
/// <param name="Status">What a failed request answers: 500, 503, 429 (with <c>Retry-After: 1</c>), or 0 to reset the connection.</param>
/// <param name="Latency">Added before every request of the context is answered.</param>
public sealed record LabApiFaults(double ErrorRatio = 0, int Status = 503, TimeSpan Latency = default)
{
    /// <summary>No faults.</summary>
    public static LabApiFaults None { get; } = new();
}
