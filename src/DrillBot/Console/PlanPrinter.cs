using DrillBot.Drills.Running;
using Spectre.Console;

namespace DrillBot.Terminal;

/// <summary>Prints a dry-run plan: each change with before/after and its restore.</summary>
internal static class PlanPrinter
{
    public static void Write(IAnsiConsole console, DrillPlan plan)
    {
        console.MarkupLine($"[bold]dry run[/] of [bold]{Markup.Escape(plan.Drill)}[/]: nothing is changed");
        var table = new Table().Border(TableBorder.Rounded).AddColumns("#", "step", "change", "before", "after", "restore");
        foreach (var c in plan.Changes)
        {
            var change = c.Problem is null ? c.Description : $"[red]{Markup.Escape(c.Problem)}[/]";
            table.AddRow((c.Index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(c.Kind + (c.Fault ? " (fault, t0)" : string.Empty)),
                c.Problem is null ? Markup.Escape(change) : change, Markup.Escape(c.Before ?? "-"), Markup.Escape(c.After ?? "-"), Markup.Escape(c.Restore));
        }

        console.Write(table);
        foreach (var note in plan.Notes)
        {
            console.MarkupLine($"[grey]-[/] {Markup.Escape(note)}");
        }
    }
}
