namespace DrillBot.Drills.Definitions;

/// <summary>
/// <c>control:</c> (docs/drills-yaml.md#control): before the real run, the drill's fault is applied <b>without</b> the
/// remediation (every step that is neither the fault nor a wait is left out) and watched for at most
/// <paramref name="Duration"/> (never past abortIf), then restored; the report says whether the remediation was
/// necessary (the control broke an expectation) and sufficient (the real run met them).
/// </summary>
public sealed record ControlDefinition(TimeSpan Duration)
{
    public SourceLocation Location { get; init; } = SourceLocation.None;

    /// <summary>
    /// The control <c>drillbot run --control</c> (or the API's <c>"control": true</c>) adds to a drill without one:
    /// recovery.within + stableFor when the drill expects recovery (the horizon on which "no recovery" can be
    /// decided), else observeFor.
    /// </summary>
    public static ControlDefinition DefaultFor(DrillDefinition drill)
    {
        ArgumentNullException.ThrowIfNull(drill);
        return new ControlDefinition(drill.Expect.Recovery is { } r ? r.Within + r.StableFor : drill.ObserveFor);
    }

    /// <summary>Why <paramref name="drill"/> cannot have this control (one line, for validate, the CLI and the API), or null.</summary>
    public string? ProblemWith(DrillDefinition drill)
    {
        ArgumentNullException.ThrowIfNull(drill);
        if (drill.LeftOutByControl.Count == 0)
        {
            return "every step is the fault or a wait, so the control would be the drill itself; a control leaves out the remediation (the steps that are neither the fault nor a wait)";
        }

        if (drill.ProbeViews().All(v => v.Drill.Expect is { Recovery: null, MaxErrorRatio: null, Share.Count: 0 }))
        {
            return "the drill expects nothing after the fault (recovery, share, maxErrorRatio), so the control has nothing to compare";
        }

        var needed = Duration + drill.Restore.VerifyWithin + drill.ObserveFor;
        return needed > drill.Timeout
            ? $"the control ({Parsing.DurationParser.Format(Duration)}), its return to steady state (restore.verifyWithin {Parsing.DurationParser.Format(drill.Restore.VerifyWithin)}) and observeFor ({Parsing.DurationParser.Format(drill.ObserveFor)}) take up to {Parsing.DurationParser.Format(needed)}, longer than timeout {Parsing.DurationParser.Format(drill.Timeout)}"
            : null;
    }
}
