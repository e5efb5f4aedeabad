namespace DrillBot.Recovery;

/// <summary>What recovering interrupted runs needs from the service's settings.</summary>
internal sealed record RecoveryOptions
{
    /// <summary>This replica (<c>DRILLBOT_INSTANCE_ID</c>).</summary>
    public required string InstanceId { get; init; }

    /// <summary>How often interrupted runs of dead replicas are looked for.</summary>
    public required TimeSpan RecoveryInterval { get; init; }

    /// <summary>How often objects annotated by unknown runs are looked for (also at start).</summary>
    public required TimeSpan OrphanScanInterval { get; init; }

    /// <summary>This replica's liveness lease (<c>instance/{id}</c>), renewed every third of it.</summary>
    public required TimeSpan InstanceLeaseTtl { get; init; }

    /// <summary>The <c>recovery</c> lease, renewed every third of it.</summary>
    public required TimeSpan WorkLeaseTtl { get; init; }
}
