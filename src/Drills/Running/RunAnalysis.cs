using DrillBot.Drills.Analysis;

namespace DrillBot.Drills.Running;

/// <summary>
/// A run's analysis: each probe's (<see cref="DrillAnalyzer"/> over its own samples, its checks named
/// <c>{probe}/…</c> in a drill with <c>probes:</c>) and the control run's (<see cref="ControlAnalyzer"/>), with the
/// checks and reasons that decide the verdict.
/// </summary>
internal sealed record RunAnalysis(IReadOnlyList<(ProbeLog Log, DrillAnalysis Analysis)> Probes, ControlResult? Control, IReadOnlyList<CheckResult> Checks, IReadOnlyList<string> Reasons)
{
    /// <summary>Some check failed outright (failed beats inconclusive beats passed).</summary>
    public bool AnyCheckFailed => Checks.Any(c => c.Failed);

    /// <summary>No check failed but some could not be decided.</summary>
    public bool Inconclusive => !AnyCheckFailed && Checks.Any(c => c.Inconclusive);

    /// <summary>The first probe's analysis (the drill's <c>probe:</c>, or the first entry of <c>probes:</c>).</summary>
    public DrillAnalysis Primary => Probes[0].Analysis;

    public static RunAnalysis Of(RunContext ctx)
    {
        var m = ctx.Recording.Moments;
        var probes = ctx.Recording.Probes.Select(log => (log, DrillAnalyzer.Analyze(new AnalysisInput(log.View.Drill, log.Samples.All(), m.SteadyFrom, m.SteadyTo, m.FaultAt, m.LastStepAt, m.ObserveEndAt, m.RestoreFinishedAt, m.ArmedAt, m.FaultStartedAt)
        {
            DeploymentsReadyAt = m.DeploymentsReadyAt,
            DeploymentsNotReady = ctx.Recording.DeploymentsNotReady,
            ProbeName = log.View.Name,
        }))).ToList();
        var checks = probes.SelectMany(p => p.Item2.Checks).ToList();
        var reasons = probes.SelectMany(p => p.Item2.Reasons).ToList();
        ControlResult? control = null;
        if (ctx.Recording.Control is { EndedBy: not "stopped", EndAt: { } end } progress)
        {
            var from = progress.StartedAt;
            control = ControlAnalyzer.Analyze(new ControlInput(
                ctx.Setup.Drill,
                [.. ctx.Recording.Probes.Select(log => (log.View, (IReadOnlyList<Probing.ProbeSample>)[.. log.Samples.All().Where(s => s.SentAt >= from && s.SentAt <= end)]))],
                from,
                progress.FaultAt,
                end,
                progress.AbortIf));
            checks.Add(control.Degraded);
            if (control.Finding is { } finding)
            {
                reasons.Insert(0, $"control: {finding}");
            }

            if (control.Degraded.Inconclusive)
            {
                reasons.Add($"{control.Degraded.Name}: inconclusive: {control.Degraded.Actual}");
            }
        }

        return new RunAnalysis(probes, control, checks, reasons);
    }
}
