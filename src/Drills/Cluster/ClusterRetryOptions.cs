namespace DrillBot.Drills.Cluster;

/// <summary>How hard cluster calls are retried.</summary>
public sealed record ClusterRetryOptions
{
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);
    public int MaxRetries { get; init; } = 6;
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
