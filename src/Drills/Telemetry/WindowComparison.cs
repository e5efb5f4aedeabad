using DrillBot.Drills.Analysis;
using DrillBot.Drills.Probing;

namespace DrillBot.Drills.Telemetry;

/// <summary>
/// One window seen by both: the probe's ok samples by class, and the mesh's 2xx responses of the service by class
/// (its <c>destination_cluster</c> mapped through <see cref="TelemetryDefinition.Classes"/>; an unmapped cluster keeps its own
/// name) and by source workload. Shares are among the classes the mapping knows (probe) and among all responses (mesh).
/// Each share has its Wilson interval at <see cref="Confidence"/>: a window of 150 probe samples cannot tell 0.40 from 0.50,
/// so the two agree unless their intervals lie further apart than the margin.
/// </summary>
internal sealed class WindowComparison
{
    public WindowComparison(MeshWindow window, TelemetryDefinition telemetry, IReadOnlyList<ProbeSample> sorted,
        IReadOnlyList<(string Workload, string SourceCluster, string DestinationCluster, long Responses)> mesh, double confidence)
    {
        Window = window;
        Confidence = confidence;
        ProbeCounts = sorted.Where(s => s.Ok && s.SentAt >= window.From && s.SentAt <= window.To && telemetry.Classes.ContainsKey(s.Class))
            .GroupBy(s => s.Class, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        MeshCounts = mesh.Where(m => m.Responses > 0).GroupBy(m => telemetry.ClassOf(m.DestinationCluster) ?? m.DestinationCluster, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(m => m.Responses), StringComparer.Ordinal);
        Sources = [.. mesh.Where(m => m.Responses > 0).GroupBy(m => (m.Workload, m.SourceCluster)).OrderBy(g => g.Key.SourceCluster, StringComparer.Ordinal)
            .Select(g => new MeshSourceReport(g.Key.Workload, g.Key.SourceCluster, g.Sum(m => m.Responses),
                g.GroupBy(m => m.DestinationCluster, StringComparer.Ordinal).ToDictionary(d => d.Key, d => d.Sum(m => m.Responses), StringComparer.Ordinal)))];
    }

    public MeshWindow Window { get; }

    public double Confidence { get; }

    public IReadOnlyDictionary<string, int> ProbeCounts { get; }

    public IReadOnlyDictionary<string, long> MeshCounts { get; }

    public IReadOnlyList<MeshSourceReport> Sources { get; }

    public int ProbeTotal => ProbeCounts.Values.Sum();

    public long MeshTotal => MeshCounts.Values.Sum();

    public IReadOnlyDictionary<string, double> ProbeShares => Shares(ProbeCounts.ToDictionary(kv => kv.Key, kv => (long)kv.Value), ProbeTotal);

    public IReadOnlyDictionary<string, double> MeshShares => Shares(MeshCounts, MeshTotal);

    /// <summary>
    /// Every class either side saw (a class one side never saw has share 0 there), with |probe − mesh| and the gap between
    /// their intervals (0 when they overlap).
    /// </summary>
    public IReadOnlyList<ClassAgreement> Deltas()
    {
        var probe = ProbeShares;
        var mesh = MeshShares;
        return [.. probe.Keys.Union(mesh.Keys).Order(StringComparer.Ordinal).Select(c =>
        {
            var p = Wilson.Interval(ProbeCounts.GetValueOrDefault(c), ProbeTotal, Confidence);
            var m = Wilson.Interval((int)Math.Min(int.MaxValue, MeshCounts.GetValueOrDefault(c)), (int)Math.Min(int.MaxValue, MeshTotal), Confidence);
            return new ClassAgreement(c, probe.GetValueOrDefault(c), mesh.GetValueOrDefault(c), p, m);
        })];
    }

    public double? MaxDelta => ProbeTotal == 0 || MeshTotal == 0 ? null : Math.Round(Deltas().Max(d => d.Delta), 4);

    public double? MaxGap => ProbeTotal == 0 || MeshTotal == 0 ? null : Math.Round(Deltas().Max(d => d.Gap), 4);

    public MeshWindowReport Report() =>
        new(Window.Name, Window.From, Window.To, ProbeTotal, Rounded(ProbeShares), MeshTotal, Rounded(MeshShares), Sources, MaxDelta) { MaxGap = MaxGap };

    private static Dictionary<string, double> Shares(IReadOnlyDictionary<string, long> counts, long total) =>
        counts.ToDictionary(kv => kv.Key, kv => total == 0 ? 0 : kv.Value / (double)total, StringComparer.Ordinal);

    private static Dictionary<string, double> Rounded(IReadOnlyDictionary<string, double> shares) =>
        shares.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 4), StringComparer.Ordinal);
}

/// <summary>One class in one window: the probe's and the mesh's share with their intervals.</summary>
internal sealed record ClassAgreement(string Class, double Probe, double Mesh, ConfidenceInterval ProbeInterval, ConfidenceInterval MeshInterval)
{
    public double Delta => Math.Abs(Probe - Mesh);

    /// <summary>How far apart the two intervals lie (0 when they overlap).</summary>
    public double Gap => Math.Max(0, Math.Max(MeshInterval.Low - ProbeInterval.High, ProbeInterval.Low - MeshInterval.High));
}
