using DrillBot.Drills.Analysis;

namespace DrillBot.Drills.Reports;

/// <summary>
/// Report field <c>control</c> (docs/drills-yaml.md#control): what the control run did and showed. <c>necessary</c>:
/// without the remediation the fault broke an expectation (null: undecided); <c>sufficient</c>: with it the real run
/// met every post-fault expectation (null: undecided or not reached); <c>finding</c> when the fault recovered anyway;
/// <c>checks</c> are the drill's expectations measured during the control (they do not decide the verdict:
/// <c>control.degraded</c> among the run's checks does); <c>restore.failbackSeconds</c> is how long the run took to be
/// back (steady state) after the control's restore.
/// </summary>
public sealed record ControlInfo(
    double DurationSeconds,
    IReadOnlyList<string> LeftOut,
    DateTimeOffset StartedAt,
    DateTimeOffset? FaultAt,
    DateTimeOffset? EndedAt,
    string EndedBy,
    bool? Necessary,
    bool? Sufficient,
    string? Finding,
    IReadOnlyList<CheckResult> Checks,
    IReadOnlyList<StepInfo> Steps,
    RestoreInfo? Restore);
