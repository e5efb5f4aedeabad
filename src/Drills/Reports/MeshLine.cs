using System.Globalization;
using DrillBot.Drills.Telemetry;

namespace DrillBot.Drills.Reports;

/// <summary>
/// One line about the mesh for the terminal and Slack: the users' errors, the largest probe-vs-mesh difference and the
/// budget spent, or why the mesh checks were skipped; null when the run has no mesh report.
/// </summary>
public static class MeshLine
{
    public static string? Of(DrillReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Mesh is not { } mesh)
        {
            return null;
        }

        if (mesh.Status == MeshReport.Skipped)
        {
            return $"mesh: skipped ({mesh.Reason})";
        }

        var parts = new List<string>();
        if (mesh.UserErrors is { } u)
        {
            parts.Add($"user errors {u.Errors.ToString(CultureInfo.InvariantCulture)} of {u.Requests.ToString(CultureInfo.InvariantCulture)}" + (u.Ratio is { } r ? $" ({Analysis.Format.Percent(r)})" : string.Empty));
        }

        var deltas = mesh.Windows.Where(w => w.MaxDelta is not null).Select(w => $"{w.Name} {w.MaxDelta!.Value.ToString("0.####", CultureInfo.InvariantCulture)}").ToList();
        if (deltas.Count > 0)
        {
            parts.Add("probe vs mesh " + string.Join(", ", deltas));
        }

        var agreement = report.Checks.Where(c => c.Name.StartsWith("mesh.agreement.", StringComparison.Ordinal)).ToList();
        if (agreement.Count > 0)
        {
            var skipped = agreement.Count(c => c.Skipped);
            parts.Add(agreement.Any(c => c.Failed) ? "DISAGREE" : skipped == 0 ? "agree" : skipped == agreement.Count ? "agreement not measured" : $"agree where measured ({skipped} of {agreement.Count} windows skipped)");
        }

        if (report.Budget is { Spent: { } spent } b)
        {
            parts.Add($"budget spent {spent.ToString(CultureInfo.InvariantCulture)}" + (b.SpentOfBudget is { } f ? $" ({Analysis.Format.Percent(f)} of the window's)" : string.Empty)
                + (b.Allowed is { } a ? $", allowed {Math.Floor(a).ToString(CultureInfo.InvariantCulture)}" : string.Empty));
        }

        return "mesh: " + string.Join("; ", parts);
    }
}
