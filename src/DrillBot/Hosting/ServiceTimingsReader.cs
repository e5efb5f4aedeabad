namespace DrillBot.Hosting;

/// <summary>
/// The timings of serve's background work from the environment (docs/service.md, "Timings"): how fast a dead
/// replica is noticed and its work taken over, traded against database and API traffic. Unset variables keep
/// the production defaults of <see cref="ServiceHostOptions"/>; tests and benchmarks shorten them. Every bad
/// value is reported at once, one line each naming its variable.
/// </summary>
public static class ServiceTimingsReader
{
    public const string InstanceLease = "DRILLBOT_INSTANCE_LEASE";
    public const string WorkLease = "DRILLBOT_WORK_LEASE";
    public const string DrillLease = "DRILLBOT_DRILL_LEASE";
    public const string ResumptionInterval = "DRILLBOT_RECOVERY_INTERVAL";
    public const string QuartzCheckin = "DRILLBOT_QUARTZ_CHECKIN";
    public const string QuartzCheckinMisfire = "DRILLBOT_QUARTZ_CHECKIN_MISFIRE";
    public const string MisfireThreshold = "DRILLBOT_MISFIRE_THRESHOLD";

    /// <summary><paramref name="options"/> with the timings the environment sets; null with <paramref name="problems"/> filled when a value is bad.</summary>
    public static ServiceHostOptions? Apply(ServiceHostOptions options, Func<string, string?> getVariable, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        var second = TimeSpan.FromSeconds(1);
        var hour = TimeSpan.FromHours(1);
        TimeSpan Read(string name, TimeSpan fallback, TimeSpan min) => DurationText.Read(getVariable, name, fallback, min, hour, found);
        TimeSpan? ReadOptional(string name, TimeSpan? fallback) =>
            string.IsNullOrWhiteSpace(getVariable(name)) ? fallback : Read(name, fallback ?? TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(500));

        var result = options with
        {
            InstanceLeaseTtl = Read(InstanceLease, options.InstanceLeaseTtl, second),
            WorkLeaseTtl = Read(WorkLease, options.WorkLeaseTtl, second),
            Lock = options.Lock with { LeaseDuration = Read(DrillLease, options.Lock.LeaseDuration, second) },
            ResumptionInterval = Read(ResumptionInterval, options.ResumptionInterval, TimeSpan.FromMilliseconds(100)),
            QuartzCheckinInterval = Read(QuartzCheckin, options.QuartzCheckinInterval, TimeSpan.FromMilliseconds(500)),
            QuartzCheckinMisfireThreshold = ReadOptional(QuartzCheckinMisfire, options.QuartzCheckinMisfireThreshold),
            MisfireThreshold = Read(MisfireThreshold, options.MisfireThreshold, second),
        };
        problems = found;
        return found.Count > 0 ? null : result;
    }
}
