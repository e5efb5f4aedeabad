namespace DrillBot.Drills.Definitions;

/// <summary>
/// Shorter timings applied on top of a drill, stated openly: <c>drillbot demo</c> uses
/// <see cref="Demo"/> so that it fits in well under a minute on the Lab, and tests use tighter ones.
/// Null fields leave the drill's value. Durations of waits are capped at <see cref="MaxWait"/>.
/// </summary>
public sealed record DrillOverrides
{
    public TimeSpan? ProbeInterval { get; init; }
    public TimeSpan? ProbeTimeout { get; init; }
    public TimeSpan? SteadyState { get; init; }
    public TimeSpan? StableFor { get; init; }
    public TimeSpan? RecoveryWithin { get; init; }
    public TimeSpan? ObserveFor { get; init; }
    public TimeSpan? VerifyWithin { get; init; }
    public TimeSpan? AbortFor { get; init; }
    public TimeSpan? MaxWait { get; init; }

    /// <summary>
    /// The wait right before the fault step of a drill with <c>expect.beforeFault</c> (it must gather
    /// enough samples to decide locality, so <see cref="MaxWait"/> does not cut it); null = MaxWait applies.
    /// </summary>
    public TimeSpan? PreFaultWait { get; init; }
    public int? MinSamples { get; init; }

    /// <summary>The control's duration (docs/drills-yaml.md#control), for a drill that has a control.</summary>
    public TimeSpan? ControlDuration { get; init; }

    /// <summary>What <c>drillbot demo</c> applies: steadyState 2s, stableFor 2s, observeFor 10s, verifyWithin 20s, waits ≤ 1s except the pre-fault wait (9s: ~90 samples, enough to prove 0.95).</summary>
    public static DrillOverrides Demo { get; } = new()
    {
        SteadyState = TimeSpan.FromSeconds(2),
        StableFor = TimeSpan.FromSeconds(2),
        ObserveFor = TimeSpan.FromSeconds(10),
        VerifyWithin = TimeSpan.FromSeconds(20),
        AbortFor = TimeSpan.FromSeconds(8),
        MaxWait = TimeSpan.FromSeconds(1),
        PreFaultWait = TimeSpan.FromSeconds(9),
    };

    public DrillDefinition Apply(DrillDefinition drill)
    {
        ArgumentNullException.ThrowIfNull(drill);
        var expect = ApplyTo(drill.Expect);
        return drill with
        {
            Probe = ApplyTo(drill.Probe),
            NamedProbes = [.. drill.NamedProbes.Select(p => p with { Probe = ApplyTo(p.Probe), Expect = ReferenceEquals(p.Expect, drill.Expect) ? expect : ApplyTo(p.Expect) })],
            Control = drill.Control is { } c ? c with { Duration = ControlDuration ?? c.Duration } : null,
            SteadyState = drill.SteadyState with { Duration = SteadyState ?? drill.SteadyState.Duration },
            Expect = expect,
            ObserveFor = ObserveFor ?? drill.ObserveFor,
            Restore = drill.Restore with { VerifyWithin = VerifyWithin ?? drill.Restore.VerifyWithin },
            AbortIf = drill.AbortIf is { } a ? a with { For = AbortFor ?? a.For } : null,
            Steps = drill.Steps.Select((s, i) => s is WaitStep w ? Wait(drill, i, w) : s).ToList(),
        };
    }

    private ProbeDefinition ApplyTo(ProbeDefinition probe) => probe with { Interval = ProbeInterval ?? probe.Interval, Timeout = ProbeTimeout ?? probe.Timeout };

    private ExpectDefinition ApplyTo(ExpectDefinition expect)
    {
        if (expect.Recovery is { } r)
        {
            expect = expect with { Recovery = r with { StableFor = StableFor ?? r.StableFor, Within = RecoveryWithin ?? r.Within } };
        }

        return expect with { MinSamples = MinSamples ?? expect.MinSamples };
    }

    private WaitStep Wait(DrillDefinition drill, int index, WaitStep wait)
    {
        var beforeFault = drill.Expect.BeforeFault is not null && index + 1 < drill.Steps.Count && drill.Steps[index + 1].Fault;
        if (beforeFault && PreFaultWait is { } pre)
        {
            return wait with { Duration = pre };
        }

        return MaxWait is { } max && wait.Duration > max ? wait with { Duration = max } : wait;
    }

    /// <summary>One line for the terminal: what differs from drills.yaml.</summary>
    public string Describe(DrillDefinition original)
    {
        var parts = new List<string>();
        void Add(string name, TimeSpan? value, TimeSpan was)
        {
            if (value is { } v && v != was)
            {
                parts.Add($"{name} {Parsing.DurationParser.Format(v)} (drills.yaml: {Parsing.DurationParser.Format(was)})");
            }
        }

        Add("probe.interval", ProbeInterval, original.Probe.Interval);
        Add("steadyState", SteadyState, original.SteadyState.Duration);
        Add("stableFor", StableFor, original.Expect.Recovery?.StableFor ?? TimeSpan.Zero);
        Add("observeFor", ObserveFor, original.ObserveFor);
        Add("verifyWithin", VerifyWithin, original.Restore.VerifyWithin);
        Add("abortIf.for", AbortFor, original.AbortIf?.For ?? TimeSpan.Zero);
        if (original.Control is { } control)
        {
            Add("control.duration", ControlDuration, control.Duration);
        }

        var preFault = original.Steps.Select((s, i) => (s, i)).FirstOrDefault(x => x.s is WaitStep && x.i + 1 < original.Steps.Count && original.Steps[x.i + 1].Fault).s as WaitStep;
        if (original.Expect.BeforeFault is not null && preFault is not null)
        {
            Add("pre-fault wait", PreFaultWait, preFault.Duration);
        }
        return string.Join(", ", parts);
    }
}
