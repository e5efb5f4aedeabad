using DrillBot.Drills.Definitions;
using DrillBot.Drills.Probing;

namespace DrillBot.Drills.Running;

/// <summary>
/// One probe of a run (the drill's <c>probe:</c>, or one entry of <c>probes:</c>): the drill as it sees it, its samples
/// (written by its prober) and how many it has sent so far.
/// </summary>
internal sealed class ProbeLog(ProbeView view)
{
    public ProbeView View { get; } = view;

    public ProbeDefinition Probe => View.Drill.Probe;

    public SampleLog Samples { get; } = new();

    /// <summary>How many probes this prober sent so far (set once it runs).</summary>
    public Func<long> Sent { get; set; } = () => 0;

    /// <summary>The samples sorted by send time, up to the earliest one still in flight.</summary>
    public IReadOnlyList<ProbeSample> Complete() => Samples.Complete(Sent());
}
