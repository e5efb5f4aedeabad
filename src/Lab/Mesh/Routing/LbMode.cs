namespace DrillBot.Lab.Mesh;

/// <summary>How the sidecar spreads reviews requests, decided by the DestinationRule.</summary>
internal enum LbMode
{
    /// <summary>One priority, every locality: round-robin over all healthy hosts.</summary>
    RoundRobin,

    /// <summary>Locality failover priorities (needs outlierDetection): local first, then the failover region.</summary>
    Failover,

    /// <summary>Locality weights from <c>distribute</c>.</summary>
    Distribute,
}
