using DrillBot.Drills.Scheduling;

namespace DrillBot.Drills.Definitions;

/// <summary>One drill: what to break, how to probe, what to expect, how long to watch.</summary>
public sealed record DrillDefinition
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    /// <summary>Quartz cron expression, or null when the drill only runs on demand.</summary>
    public string? Schedule { get; init; }
    /// <summary><see cref="Schedule"/> parsed, in <see cref="TimeZone"/> (set with it by the parser); null when the drill only runs on demand.</summary>
    public ICronSchedule? Fires { get; init; }
    public required TimeZoneInfo TimeZone { get; init; }
    public required string Namespace { get; init; }
    public required ProbeDefinition Probe { get; init; }
    public IReadOnlyList<PreconditionDefinition> Preconditions { get; init; } = [];
    public required SteadyStateDefinition SteadyState { get; init; }
    public required IReadOnlyList<StepDefinition> Steps { get; init; }
    public required ExpectDefinition Expect { get; init; }
    public AbortIfDefinition? AbortIf { get; init; }
    public required TimeSpan ObserveFor { get; init; }
    public required RestoreDefinition Restore { get; init; }
    public required TimeSpan Timeout { get; init; }

    /// <summary>What to do about a controller (Argo CD, Flux, KEDA, an HPA) that would undo the drill's changes (<c>owners</c>, default refuse).</summary>
    public OwnersPolicy Owners { get; init; } = OwnersPolicy.Refuse;

    /// <summary>Who must approve a manual run first; null = no approval needed.</summary>
    public ApprovalDefinition? Approval { get; init; }
    public SourceLocation Location { get; init; } = SourceLocation.None;

    /// <summary>
    /// <c>probes:</c>, one probe per entry point; empty for a drill with a single <c>probe:</c>. When given,
    /// <see cref="Probe"/> is the first entry's probe.
    /// </summary>
    public IReadOnlyList<NamedProbe> NamedProbes { get; init; } = [];

    /// <summary><c>control:</c>, a control run before the real one (docs/drills-yaml.md#control); null = none.</summary>
    public ControlDefinition? Control { get; init; }

    /// <summary>The drill as each of its probes sees it (one view for a single <c>probe:</c>).</summary>
    public IReadOnlyList<ProbeView> ProbeViews() => NamedProbes.Count == 0
        ? [new ProbeView(null, this)]
        : NamedProbes.Select(p => new ProbeView(p.Name, this with { Probe = p.Probe, Expect = p.Expect, NamedProbes = [] })).ToList();

    /// <summary>The steps a control run leaves out: every step that is neither the fault nor a wait (the remediation and its arming).</summary>
    public IReadOnlyList<StepDefinition> LeftOutByControl => Steps.Where(s => !s.Fault && s is not WaitStep).ToList();

    /// <summary>The clusters the steps touch, in first-use order.</summary>
    public IReadOnlyList<string> TouchedClusters => Steps.OfType<ObjectStepDefinition>().Select(s => s.Cluster).Distinct(StringComparer.Ordinal).ToList();
}
