namespace DrillBot.Drills.Locking;

/// <summary>The per-cluster drill lock: a coordination.k8s.io/v1 Lease named <see cref="LeaseName"/> in the drill's namespace.</summary>
public sealed record LockOptions
{
    public string LeaseName { get; init; } = "drillbot-lock";
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a held lease is renewed (a third of the duration by default).</summary>
    public TimeSpan RenewEvery => LeaseDuration / 3;
}
