namespace DrillBot.Lab.Mesh;

/// <summary>A set of hosts load-balanced round-robin (a priority level or a locality).</summary>
internal sealed class HostGroup(string label, ReviewsHost[] healthy)
{
    private long _next = -1;

    public string Label { get; } = label;

    public ReviewsHost[] Healthy { get; } = healthy;

    public ReviewsHost NextRoundRobin() => Healthy[(int)((ulong)Interlocked.Increment(ref _next) % (ulong)Healthy.Length)];
}
