using DrillBot.Drills.Analysis;
using DrillBot.Drills.Probing;
using DrillBot.Drills.Running;

namespace DrillBot.Drills.Reports;

/// <summary>
/// The report of one run: the Contract fields of docs/contracts.md#report-json and more (steps, markers, the
/// probe timeline, the restore with before/after). Serialize with <see cref="ReportJson"/>.
/// </summary>
public sealed record DrillReport
{
    public required string RunId { get; init; }
    public required string Drill { get; init; }
    public string? Description { get; init; }
    public required Verdict Verdict { get; init; }
    public required TriggerInfo Trigger { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FaultAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
    public RecoveryInfo? Recovery { get; init; }
    public required ProbeSummary Probes { get; init; }
    public required IReadOnlyList<CheckResult> Checks { get; init; }

    /// <summary>What the run proved: the drill's claims (from its steps and expectations), each with the checks backing it.</summary>
    public IReadOnlyList<Proof> Proves { get; init; } = [];
    public required RestoreInfo Restore { get; init; }
    public required IReadOnlyList<string> Reasons { get; init; }
    public IReadOnlyList<StepInfo> Steps { get; init; } = [];
    public IReadOnlyList<TimelineMarker> Markers { get; init; } = [];
    public required Timeline Timeline { get; init; }

    /// <summary>The controllers that own the drill's objects and what the run did about them (docs/drills-yaml.md#owners).</summary>
    public IReadOnlyList<OwnerInfo> Owners { get; init; } = [];

    /// <summary>Someone else undid the drill's change while it ran (the run was aborted for it), or null.</summary>
    public DriftInfo? Drift { get; init; }

    /// <summary>
    /// Every probe sample of the run, sorted by send time, for <c>--samples-file</c>; not part of the JSON (the
    /// <see cref="Timeline"/> is) and empty in a report read back from JSON.
    /// </summary>
    internal IReadOnlyList<ProbeSample> RawSamples { get; init; } = [];

    /// <summary>The control run (docs/drills-yaml.md#control); null when the run had none.</summary>
    public ControlInfo? Control { get; init; }

    /// <summary>The preflight refused the drill because its failover configuration cannot work on the live mesh (nothing was changed).</summary>
    public bool Misconfigured { get; init; }
}
