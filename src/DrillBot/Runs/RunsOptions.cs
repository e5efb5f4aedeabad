namespace DrillBot.Runs;

/// <summary>What runs in the service need from its settings.</summary>
internal sealed record RunsOptions
{
    /// <summary>This replica (<c>DRILLBOT_INSTANCE_ID</c>), recorded as the owner of the runs it starts.</summary>
    public required string InstanceId { get; init; }

    /// <summary>How long a SIGTERM waits for running drills to abort and restore.</summary>
    public required TimeSpan ShutdownGrace { get; init; }

    /// <summary>How often a replica looks for abort requests about its runs made elsewhere.</summary>
    public required TimeSpan AbortPollInterval { get; init; }
}
