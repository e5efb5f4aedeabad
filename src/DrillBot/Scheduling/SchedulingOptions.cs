using DrillBot.Store;

namespace DrillBot.Scheduling;

/// <summary>What the Quartz scheduler needs from the service's settings.</summary>
internal sealed record SchedulingOptions
{
    /// <summary>This replica, Quartz's instance id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>Where Quartz keeps its tables (the service's store).</summary>
    public required StoreLocation Store { get; init; }

    /// <summary>How late a scheduled fire may start before it counts as missed.</summary>
    public required TimeSpan MisfireThreshold { get; init; }

    /// <summary>Quartz cluster check-in (PostgreSQL).</summary>
    public required TimeSpan QuartzCheckinInterval { get; init; }

    /// <summary>Null: three check-in intervals.</summary>
    public TimeSpan? QuartzCheckinMisfireThreshold { get; init; }
}
