using System.Text;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Running;

namespace DrillBot.Runs;

/// <summary>A dry-run plan as plain text (Slack and the API): each change with before → after per field, and its restore.</summary>
internal static class PlanText
{
    public static string Render(DrillPlan plan)
    {
        var text = new StringBuilder();
        text.AppendLine($"dry run of {plan.Drill}: nothing is changed");
        foreach (var c in plan.Changes)
        {
            text.AppendLine($"{c.Index + 1}. {c.Kind}{(c.Fault ? " (fault, t0)" : string.Empty)}: {c.Description}");
            if (c.Problem is not null)
            {
                text.AppendLine($"   cannot run: {c.Problem}");
                continue;
            }

            if (c.Before is not null && c.After is not null)
            {
                var (prefix, before) = FieldValues.Describe(c.Before);
                var (_, after) = FieldValues.Describe(c.After);
                if (prefix.Length > 0)
                {
                    text.AppendLine($"   {prefix}:");
                }

                for (var i = 0; i < before.Count; i++)
                {
                    text.AppendLine($"     {before[i]} → {after.ElementAtOrDefault(i) ?? "?"}");
                }
            }

            text.AppendLine($"   restore: {c.Restore}");
        }

        foreach (var note in plan.Notes)
        {
            text.AppendLine($"- {note}");
        }

        foreach (var line in PlanChecks.Lines(plan))
        {
            text.AppendLine(line);
        }

        return text.ToString().TrimEnd();
    }
}
