using System.Globalization;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using Spectre.Console;

namespace DrillBot.Terminal;

/// <summary>The final summary of a run on the terminal: verdict, figures, checks, restore, reasons.</summary>
internal static class ReportSummary
{
    public static void Write(IAnsiConsole console, DrillReport report)
    {
        var colour = report.Verdict switch
        {
            Verdict.Passed => "green",
            Verdict.Failed => "red",
            Verdict.Aborted => "yellow",
            Verdict.Inconclusive => "blue",
            _ => "purple",
        };
        console.WriteLine();
        console.MarkupLine($"[bold {colour}]{report.Verdict.ToString().ToUpperInvariant()}[/]  [bold]{Markup.Escape(report.Drill)}[/]  run {Markup.Escape(report.RunId)}");
        foreach (var line in ProofLines.Of(report.Proves))
        {
            console.MarkupLine(line.StartsWith("Proved", StringComparison.Ordinal) ? $"[green]{Markup.Escape(line)}[/]" : $"[red]{Markup.Escape(line)}[/]");
        }

        if (report.Control is { } control)
        {
            var back = control.Restore?.FailbackSeconds is { } b ? $", back to steady state {N(b)}s after its restore" : string.Empty;
            var line = $"control ({N(control.DurationSeconds)}s without {string.Join(", ", control.LeftOut)}, ended by {control.EndedBy}{back}): remediation necessary: {YesNo(control.Necessary)}, sufficient: {YesNo(control.Sufficient)}";
            console.MarkupLine(control.Necessary == false ? $"[red]{Markup.Escape(line)}[/]" : Markup.Escape(line));
            if (control.Finding is { } finding)
            {
                console.MarkupLine($"[red bold]{Markup.Escape(finding)}[/]");
            }
        }

        var recovery = report.Recovery is { } r ? $"{N(r.Seconds)}s, served by {r.ServedBy}" : "none";
        var restoreColour = report.Restore.Status switch { RestoreStatus.Verified => "green", RestoreStatus.Restored => "yellow", _ => "red bold" };
        console.MarkupLine($"recovery: [bold]{Markup.Escape(recovery)}[/]   restore: [{restoreColour}]{report.Restore.Status.WireName()}[/]   failback: {(report.Restore.FailbackSeconds is { } f ? N(f) + "s" : "-")}");
        var classes = string.Join(", ", report.Probes.ByClass.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}"));
        console.MarkupLine(Markup.Escape($"probes: {report.Probes.Total} ({classes}), late {report.Probes.Late}, latency p50/p95/p99 {N(report.Probes.LatencyMs.P50)}/{N(report.Probes.LatencyMs.P95)}/{N(report.Probes.LatencyMs.P99)} ms"));
        foreach (var p in report.Probes.PerProbe)
        {
            var own = string.Join(", ", p.ByClass.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}"));
            var shares = string.Join(", ", p.Shares.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {N(c.Value)}"));
            console.MarkupLine(Markup.Escape($"  {p.Name} ({p.Url}): {p.Total} ({own}); shares {shares}; recovery {(p.Recovery is { } pr ? $"{N(pr.Seconds)}s, {pr.ServedBy}" : "none")}"));
        }
        if (report.Checks.Count > 0)
        {
            var checks = new Table().Border(TableBorder.Rounded).AddColumns("check", "expected", "actual", "result");
            foreach (var c in report.Checks)
            {
                checks.AddRow(Markup.Escape(c.Name), Markup.Escape(c.Expected), Markup.Escape(c.Actual), c.Passed ? "[green]passed[/]" : c.Inconclusive ? "[blue]inconclusive[/]" : "[red]failed[/]");
            }

            console.Write(checks);
        }

        if (report.Restore.Objects.Count > 0)
        {
            var restore = new Table().Border(TableBorder.Rounded).AddColumns("object", "field", "before", "during", "after", "result");
            restore.Columns[1].NoWrap = true; // a field path reads whole; the object and value columns give way
            foreach (var o in report.Restore.Objects)
            {
                var result = o.Verified ? "[green]verified[/]" : o.Ok ? "[yellow]restored (conflict)[/]" : "[red bold]FAILED[/]";
                var (prefix, before) = FieldValues.Describe(o.Before);
                var during = FieldValues.Describe(o.During).Lines;
                var after = o.After is null ? [] : FieldValues.Describe(o.After).Lines;
                var under = prefix.Length > 0 ? $"\n{prefix}:" : string.Empty;
                for (var i = 0; i < before.Count; i++)
                {
                    restore.AddRow(
                        i == 0 ? Markup.Escape($"{o.Cluster}: {o.Kind} {o.Namespace}/{o.Name}{under}") : string.Empty,
                        Markup.Escape(before[i].Split(" = ")[0]),
                        Value(before, i),
                        Value(during, i),
                        after.Count == 0 ? "?" : Value(after, i),
                        i == 0 ? result : string.Empty);
                }
            }

            console.Write(restore);
        }

        foreach (var reason in report.Reasons)
        {
            console.MarkupLine($"[grey]-[/] {Markup.Escape(reason)}");
        }
    }

    private static string Value(IReadOnlyList<string> lines, int i)
    {
        var line = i < lines.Count ? lines[i] : "?";
        var at = line.IndexOf(" = ", StringComparison.Ordinal);
        var value = at < 0 ? line : line[(at + 3)..];
        return Markup.Escape(value.Length > 36 ? value[..33] + "..." : value);
    }

    private static string YesNo(bool? value) => value switch { true => "yes", false => "no", null => "undecided" };

    private static string N(double? v) => v?.ToString("0.###", CultureInfo.InvariantCulture) ?? "-";
}
