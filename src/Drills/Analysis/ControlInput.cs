using DrillBot.Drills.Definitions;
using DrillBot.Drills.Probing;

namespace DrillBot.Drills.Analysis;

/// <summary>
/// A control run's samples and moments (docs/drills-yaml.md#control): per probe its view of the drill and the samples
/// sent during the control; <see cref="From"/> when the control began (after the steady state), <see cref="FaultAt"/>
/// when its fault step was acknowledged (null: the drill has no fault step, or it never got there), <see cref="EndAt"/>
/// when it stopped watching, and <see cref="AbortIf"/> the abortIf that ended it, if one did.
/// </summary>
public sealed record ControlInput(
    DrillDefinition Drill,
    IReadOnlyList<(ProbeView View, IReadOnlyList<ProbeSample> Samples)> Probes,
    DateTimeOffset From,
    DateTimeOffset? FaultAt,
    DateTimeOffset EndAt,
    string? AbortIf);
