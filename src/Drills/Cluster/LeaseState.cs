namespace DrillBot.Drills.Cluster;

/// <summary>A coordination.k8s.io/v1 Lease as the lock sees it.</summary>
public sealed record LeaseState(string Name, string? Holder, DateTimeOffset? RenewTime, TimeSpan Duration, string? ResourceVersion)
{
    /// <summary>True when nobody holds it or the holder stopped renewing.</summary>
    public bool IsFree(DateTimeOffset now) => string.IsNullOrEmpty(Holder) || RenewTime is null || RenewTime + Duration < now;
}
