using DrillBot.Drills.Definitions;
using DrillBot.Drills.Probing;

namespace DrillBot.Drills.Analysis;

/// <summary>
/// Everything the analysis needs: the drill, every sample of the run (any order), and the moments
/// that divide the run. A null moment means the run never got there. <see cref="ArmedAt"/> is when
/// the last arming step (not a wait) before the fault step was acknowledged and <see cref="FaultStartedAt"/> when the fault step was
/// started (its request sent): the window of <c>expect.beforeFault</c>.
/// </summary>
public sealed record AnalysisInput(
    DrillDefinition Drill,
    IReadOnlyList<ProbeSample> Samples,
    DateTimeOffset? SteadyFrom,
    DateTimeOffset? SteadyTo,
    DateTimeOffset? FaultAt,
    DateTimeOffset? LastStepAt,
    DateTimeOffset? ObserveEndAt,
    DateTimeOffset? RestoreFinishedAt,
    DateTimeOffset? ArmedAt = null,
    DateTimeOffset? FaultStartedAt = null)
{
    /// <summary>Where observation starts: t0 when a step is marked fault, otherwise the last step.</summary>
    public DateTimeOffset? ObserveFrom => FaultAt ?? LastStepAt;

    /// <summary>When every Deployment the restore put back had its ready replicas again (null: none restored, or never).</summary>
    public DateTimeOffset? DeploymentsReadyAt { get; init; }

    /// <summary>Why the restored Deployments never became ready within verifyWithin (null when they did, or none was restored).</summary>
    public string? DeploymentsNotReady { get; init; }

    /// <summary>The probe's name in a drill with <c>probes:</c>: its checks are named <c>{name}/{check}</c>; null = the single probe.</summary>
    public string? ProbeName { get; init; }
}
