using DrillBot.Drills.Reports;
using DrillBot.Drills.Running;
using Spectre.Console;

namespace DrillBot.Terminal;

/// <summary>Prints a dry-run plan: each change with before → after per field, and its restore.</summary>
internal static class PlanPrinter
{
    public static void Write(IAnsiConsole console, DrillPlan plan)
    {
        console.MarkupLine($"[bold]dry run[/] of [bold]{Markup.Escape(plan.Drill)}[/]: nothing is changed");
        foreach (var c in plan.Changes)
        {
            console.MarkupLine($"[bold]{c.Index + 1}. {Markup.Escape(c.Kind)}[/]{(c.Fault ? " [red](fault, t0)[/]" : string.Empty)}: {Markup.Escape(c.Description)}");
            if (c.Problem is not null)
            {
                console.MarkupLine($"     [red]cannot run: {Markup.Escape(c.Problem)}[/]");
                continue;
            }

            if (c.Before is not null && c.After is not null)
            {
                var (prefix, before) = FieldValues.Describe(c.Before);
                var (_, after) = FieldValues.Describe(c.After);
                if (prefix.Length > 0)
                {
                    console.MarkupLine($"     {Markup.Escape(prefix)}:");
                }

                for (var i = 0; i < before.Count; i++)
                {
                    var field = before[i].Split(" = ")[0];
                    var was = before[i][(field.Length + 3)..];
                    var will = i < after.Count && after[i].Length > field.Length + 3 ? after[i][(field.Length + 3)..] : after.ElementAtOrDefault(i) ?? "?";
                    console.MarkupLine(Markup.Escape($"       {field}: {was} → {will}"));
                }
            }

            console.MarkupLine($"     [grey]restore: {Markup.Escape(c.Restore)}[/]");
        }

        foreach (var note in plan.Notes)
        {
            console.MarkupLine($"[grey]-[/] {Markup.Escape(note)}");
        }

        foreach (var line in PlanChecks.Lines(plan))
        {
            var color = line.Contains("MISSING", StringComparison.Ordinal) || line.Contains("REFUSED", StringComparison.Ordinal) || line.Contains("refuse", StringComparison.Ordinal) ? "red" : "grey";
            console.MarkupLine($"[{color}]{Markup.Escape(line)}[/]");
        }
    }
}
