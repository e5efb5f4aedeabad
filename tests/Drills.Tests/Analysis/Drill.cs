using System.Text.RegularExpressions;
using DrillBot.Drills.Definitions;

namespace DrillBot.Drills.Tests.Analysis;

/// <summary>A drill definition built in code for analysis tests.</summary>
internal static class Drill
{
    public static DrillDefinition Failover(TimeSpan? within = null, TimeSpan? stableFor = null, double atLeast = 0.95, int minSamples = 0, double? maxErrorRatio = 0.5) => new()
    {
        Name = "t",
        TimeZone = TimeZoneInfo.Utc,
        Namespace = "default",
        Probe = new ProbeDefinition(new Uri("http://127.0.0.1:1/"), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1),
            [new ClassifyRule("cn-shanghai", null, null, new Regex("v2"), true), new ClassifyRule("degraded", null, "Sorry", null, false), new ClassifyRule("cn-hangzhou", 200, null, null, true)], 8),
        SteadyState = new SteadyStateDefinition(TimeSpan.FromSeconds(1), 1.0),
        Steps = [new ScaleStep { Cluster = "c", Namespace = "default", Deployment = "d", Replicas = 0, Fault = true }],
        Expect = new ExpectDefinition(new RecoveryExpectation("cn-shanghai", within ?? TimeSpan.FromSeconds(3), stableFor ?? TimeSpan.FromSeconds(1)),
            new Dictionary<string, ShareExpectation> { ["cn-shanghai"] = new(atLeast, null) }, minSamples, maxErrorRatio),
        ObserveFor = TimeSpan.FromSeconds(5),
        Restore = new RestoreDefinition(TimeSpan.FromSeconds(3)),
        Timeout = TimeSpan.FromMinutes(1),
    };
}
