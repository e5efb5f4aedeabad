using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;

namespace DrillBot.Drills.Running;

/// <summary>What the control run of a drill did (docs/drills-yaml.md#control), written by <see cref="ControlPhase"/>.</summary>
internal sealed class ControlProgress
{
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When the control's fault step was acknowledged (null: no fault step, or it failed).</summary>
    public DateTimeOffset? FaultAt { get; set; }

    /// <summary>When the control stopped watching.</summary>
    public DateTimeOffset? EndAt { get; set; }

    /// <summary><c>duration</c>, <c>settled</c>, <c>abortIf</c> or <c>stopped</c> (the run was aborted or broke).</summary>
    public string EndedBy { get; set; } = "stopped";

    /// <summary>The abortIf that ended the control, if one did: the strongest sign that the remediation is necessary.</summary>
    public string? AbortIf { get; set; }

    public List<StepInfo> Steps { get; } = [];

    public RestoreResult? Restore { get; set; }

    /// <summary>When the steady state (and the original region, with restore.failback) was back after the control's restore.</summary>
    public DateTimeOffset? BackAt { get; set; }
}
