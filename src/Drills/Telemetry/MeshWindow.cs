using DrillBot.Drills.Analysis;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Probing;
using DrillBot.Drills.Running;

namespace DrillBot.Drills.Telemetry;

/// <summary>
/// A window of the probe's checks, to be seen by the mesh too: <c>beforeFault</c> (expect.beforeFault's window, else the
/// steady state), <c>afterRecovery</c> (the share checks' window: after recovery, or after the last step) and
/// <c>afterFailback</c> (from the failback moment to the last sample). With <c>probes:</c> a window is the one every probe
/// is in (it starts at the latest probe's start), and its expectation is the widest of the probes' bounds per class
/// (docs/drills-yaml.md#mesh-and-budget).
/// </summary>
/// <param name="Expectation">What the drill expects of the window's shares, as (class, at least, at most); empty when nothing.</param>
internal sealed record MeshWindow(string Name, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<(string Class, double? AtLeast, double? AtMost)> Expectation)
{
    public const string BeforeFault = "beforeFault";
    public const string AfterRecovery = "afterRecovery";
    public const string AfterFailback = "afterFailback";

    public TimeSpan Length => To - From;

    /// <param name="probes">Each probe's view of the drill and its analysis (one for a drill with a single <c>probe:</c>).</param>
    /// <param name="sorted">Every probe's samples, sorted by send time.</param>
    public static IReadOnlyList<MeshWindow> Of(IReadOnlyList<(DrillDefinition Drill, DrillAnalysis Analysis)> probes, RunMoments m, IReadOnlyList<ProbeSample> sorted)
    {
        var windows = new List<MeshWindow>();
        var before = probes.Select(p => p.Drill.Expect.BeforeFault).ToList();
        if (before.Any(b => b is not null) && m.ArmedAt is { } armed && m.FaultStartedAt is { } faultStart)
        {
            windows.Add(new MeshWindow(BeforeFault, armed, faultStart, Widest([.. before.Select(b => b is null ? [] : new[] { (b.ServedBy, (double?)b.AtLeast, (double?)null) })])));
        }
        else if (m.SteadyFrom is { } steadyFrom && m.SteadyTo is { } steadyTo)
        {
            windows.Add(new MeshWindow(BeforeFault, steadyFrom, steadyTo, []));
        }

        if ((m.FaultAt ?? m.LastStepAt) is { } observeFrom && m.ObserveEndAt is { } end)
        {
            var from = probes.Max(p => p.Analysis.Recovery?.WindowStart ?? m.LastStepAt ?? observeFrom);
            windows.Add(new MeshWindow(AfterRecovery, from, end,
                Widest([.. probes.Select(p => p.Drill.Expect.Share.Select(kv => (kv.Key, kv.Value.AtLeast, kv.Value.AtMost)).ToArray())])));
        }

        if (m.RestoreFinishedAt is { } restored && probes.All(p => p.Analysis.Failback is not null) && sorted.Count > 0)
        {
            var failback = probes.Max(p => p.Analysis.Failback!.Value);
            windows.Add(new MeshWindow(AfterFailback, restored + failback, sorted[^1].SentAt,
                Widest([.. probes.Select(p => p.Drill.Restore.Failback is { } f ? new[] { (f.ServedBy, (double?)f.AtLeast, (double?)null) } : [])])));
        }

        return windows;
    }

    /// <summary>
    /// What a mix of every probe's entry point must show, given each probe's bounds: per class, the lowest lower bound and the
    /// highest upper bound, a side only when every probe bounds it (a mix of shares that each lie within their bounds lies
    /// between the lowest and the highest). One probe: its own bounds.
    /// </summary>
    private static IReadOnlyList<(string Class, double? AtLeast, double? AtMost)> Widest(IReadOnlyList<(string Class, double? AtLeast, double? AtMost)[]> perProbe)
    {
        var classes = perProbe.SelectMany(p => p.Select(e => e.Class)).Distinct(StringComparer.Ordinal).ToList();
        var widest = new List<(string Class, double? AtLeast, double? AtMost)>();
        foreach (var c in classes)
        {
            var bounds = perProbe.Select(p => p.FirstOrDefault(e => e.Class == c)).ToList();
            double? lo = bounds.All(b => b.AtLeast is not null) ? bounds.Min(b => b.AtLeast) : null;
            double? hi = bounds.All(b => b.AtMost is not null) ? bounds.Max(b => b.AtMost) : null;
            if (lo is not null || hi is not null)
            {
                widest.Add((c, lo, hi));
            }
        }

        return widest;
    }
}
