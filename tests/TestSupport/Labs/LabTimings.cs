using DrillBot.Lab;

namespace DrillBot.TestSupport.Labs;

/// <summary>The Lab's delays for tests on the real clock: short, so a drill takes seconds, but in the same order as a cluster's.</summary>
public static class LabTimings
{
    /// <summary>Pods start in 300 ms, stop in 100 ms, endpoints propagate in 100 ms: engine, CLI and service tests.</summary>
    public static LabTopology Quick(LabTopology? topology = null) => With(topology, start: 300, stop: 100, propagation: 100);

    /// <summary>Pods start in 100 ms, stop in 50 ms, endpoints propagate in 50 ms: the reliability tests and benchmarks (many runs).</summary>
    public static LabTopology Short(LabTopology? topology = null) => With(topology, start: 100, stop: 50, propagation: 50);

    private static LabTopology With(LabTopology? topology, int start, int stop, int propagation)
    {
        var t = topology ?? LabTopology.Default;
        return t with
        {
            Timing = t.Timing with
            {
                PodStartDelay = TimeSpan.FromMilliseconds(start),
                PodStopDelay = TimeSpan.FromMilliseconds(stop),
                EndpointPropagationDelay = TimeSpan.FromMilliseconds(propagation),
            },
        };
    }
}
