namespace DrillBot.Resumption;

/// <summary>What resuming interrupted runs needs from the service's settings.</summary>
internal sealed record ResumptionOptions
{
    /// <summary>This replica (<c>DRILLBOT_INSTANCE_ID</c>).</summary>
    public required string InstanceId { get; init; }

    /// <summary>How often interrupted runs of dead replicas are looked for.</summary>
    public required TimeSpan ResumptionInterval { get; init; }

    /// <summary>How often objects annotated by unknown runs are looked for (also at start).</summary>
    public required TimeSpan OrphanScanInterval { get; init; }

    /// <summary>This replica's liveness lease (<c>instance/{id}</c>), renewed every third of it.</summary>
    public required TimeSpan InstanceLeaseTtl { get; init; }

    /// <summary>The resumption work lease (stored under the name <c>recovery</c>, kept for existing stores), renewed every third of it.</summary>
    public required TimeSpan WorkLeaseTtl { get; init; }
}
