namespace DrillBot.Drills.Definitions.Parsing;

/// <summary>What a <c>control:</c> needs to mean something (docs/drills-yaml.md#control).</summary>
internal static class ControlRules
{
    public static void Check(YamlContext ctx, DrillDefinition drill, string path)
    {
        if (drill.Control is not { } control)
        {
            return;
        }

        if (control.ProblemWith(drill) is { } problem)
        {
            ctx.Problem(control.Location, $"{path}.control: {problem}");
        }

        foreach (var view in drill.ProbeViews())
        {
            if (view.Drill.Expect.Recovery is { } r && control.Duration < r.Within + r.StableFor)
            {
                ctx.Warn(control.Location, $"{path}.control.duration: {Seconds(control.Duration)} is shorter than recovery.within + stableFor ({Seconds(r.Within + r.StableFor)}){(view.Name is null ? string.Empty : $" of probe {view.Name}")}: a control that has not recovered by its end cannot show that the remediation is necessary for recovery, only errors can");
                break;
            }
        }
    }

    private static string Seconds(TimeSpan t) => DurationParser.Format(t);
}
