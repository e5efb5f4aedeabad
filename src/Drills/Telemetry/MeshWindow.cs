using DrillBot.Drills.Analysis;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Probing;
using DrillBot.Drills.Running;

namespace DrillBot.Drills.Telemetry;

/// <summary>
/// A window of the probe's checks, to be seen by the mesh too: <c>beforeFault</c> (expect.beforeFault's window, else the
/// steady state), <c>afterRecovery</c> (the share checks' window: after recovery, or after the last step) and
/// <c>afterFailback</c> (from the failback moment to the last sample).
/// </summary>
/// <param name="Expectation">What the drill expects of the window's shares, as (class, at least, at most); empty when nothing.</param>
internal sealed record MeshWindow(string Name, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<(string Class, double? AtLeast, double? AtMost)> Expectation)
{
    public const string BeforeFault = "beforeFault";
    public const string AfterRecovery = "afterRecovery";
    public const string AfterFailback = "afterFailback";

    public TimeSpan Length => To - From;

    public static IReadOnlyList<MeshWindow> Of(DrillDefinition drill, RunMoments m, DrillAnalysis analysis, IReadOnlyList<ProbeSample> sorted)
    {
        var windows = new List<MeshWindow>();
        if (drill.Expect.BeforeFault is { } before && m.ArmedAt is { } armed && m.FaultStartedAt is { } faultStart)
        {
            windows.Add(new MeshWindow(BeforeFault, armed, faultStart, [(before.ServedBy, before.AtLeast, null)]));
        }
        else if (m.SteadyFrom is { } steadyFrom && m.SteadyTo is { } steadyTo)
        {
            windows.Add(new MeshWindow(BeforeFault, steadyFrom, steadyTo, []));
        }

        if ((m.FaultAt ?? m.LastStepAt) is { } observeFrom && m.ObserveEndAt is { } end)
        {
            var from = analysis.Recovery?.WindowStart ?? m.LastStepAt ?? observeFrom;
            windows.Add(new MeshWindow(AfterRecovery, from, end, [.. drill.Expect.Share.Select(kv => (kv.Key, kv.Value.AtLeast, kv.Value.AtMost))]));
        }

        if (m.RestoreFinishedAt is { } restored && analysis.Failback is { } failback && sorted.Count > 0)
        {
            var expectation = drill.Restore.Failback is { } f ? new[] { (f.ServedBy, (double?)f.AtLeast, (double?)null) } : [];
            windows.Add(new MeshWindow(AfterFailback, restored + failback, sorted[^1].SentAt, expectation));
        }

        return windows;
    }
}
