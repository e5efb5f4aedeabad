using System.Globalization;
using System.Text.Json;

namespace DrillBot.Bench.RecoveryAccuracy;

/// <summary>
/// Reads OUT_DIR/session.env and OUT_DIR/run-*/result.json, fills the section template and puts the section into
/// the markdown file (replacing the section with the same heading, up to the next "## " heading, or appending it),
/// and writes the SVG plot. Exit 0 when every bar is met, 1 when one is missed (the files are written either way).
/// </summary>
internal static class SummaryWriter
{
    public static int Run(string outDir, string template, string doc, string svg)
    {
        var session = new Session(Path.Combine(outDir, "session.env"));
        var runs = Directory.GetDirectories(outDir, "run-*").Select(d => Path.Combine(d, "result.json")).Where(File.Exists)
            .Select(f => JsonSerializer.Deserialize<RunResult>(File.ReadAllText(f), RunAnalyzer.Json)!)
            .OrderBy(r => r.Run).ToList();
        if (runs.Count == 0)
        {
            Console.Error.WriteLine($"{outDir}: no run-*/result.json");
            return 1;
        }

        var summaries = Methods.All.Select(m => MethodSummary.Of(m, runs)).ToList();
        var (drillBot, blackbox, loop) = (summaries[0], summaries[1], summaries[2]);
        var interval = double.Parse(session["interval_ms"], CultureInfo.InvariantCulture);
        var text = File.ReadAllText(template);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SUMMARY_TABLE"] = SummaryTables.Methods(summaries),
            ["BARS_TABLE"] = SummaryTables.Bars(drillBot, blackbox, loop, interval),
            ["RUNS_TABLE"] = SummaryTables.Runs(runs),
            ["RUN_COUNT"] = runs.Count.ToString(CultureInfo.InvariantCulture),
            ["SVG_NAME"] = Path.GetFileName(svg),
            ["LOAD_RUNS"] = string.Create(CultureInfo.InvariantCulture, $"{runs.Min(r => r.Load1):0.00}–{runs.Max(r => r.Load1):0.00}"),
            ["TRUE_RECOVERY"] = Range(runs.Where(r => r.TrueRecoverySeconds is not null).Select(r => r.TrueRecoverySeconds!.Value * 1000).ToList()),
            ["T0_LAG"] = Range(runs.Select(r => (r.FaultAt - r.LabFaultAt).TotalMilliseconds).ToList()),
            ["DURATION_ERROR"] = Range(runs.Where(r => r.Of(Methods.DrillBot).ErrorMs is not null)
                .Select(r => r.Of(Methods.DrillBot).ErrorMs!.Value - (r.FaultAt - r.LabFaultAt).TotalMilliseconds).ToList()),
        };
        foreach (var (key, value) in session.Values)
        {
            values.TryAdd(key.ToUpperInvariant(), value);
        }

        foreach (var (key, value) in values)
        {
            text = text.Replace("{{" + key + "}}", value, StringComparison.Ordinal);
        }

        if (text.Contains("{{", StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"{template}: unfilled placeholder near '{text[text.IndexOf("{{", StringComparison.Ordinal)..].Split('\n')[0]}'");
            return 1;
        }

        File.WriteAllText(doc, Splice(File.Exists(doc) ? File.ReadAllText(doc) : "", text.TrimEnd() + "\n"));
        File.WriteAllText(svg, ErrorPlot.Render(runs, interval));
        Console.WriteLine(SummaryTables.Methods(summaries));
        Console.WriteLine();
        Console.WriteLine(SummaryTables.Bars(drillBot, blackbox, loop, interval));
        return SummaryTables.Bars(drillBot, blackbox, loop, interval).Contains("**NO**", StringComparison.Ordinal) ? 1 : 0;
    }

    /// <summary>Replaces the section whose heading is the section's first line, or appends it.</summary>
    public static string Splice(string document, string section)
    {
        var heading = section.Split('\n')[0].TrimEnd();
        var lines = document.Split('\n').ToList();
        var start = lines.FindIndex(l => l.TrimEnd() == heading);
        if (start < 0)
        {
            return document.TrimEnd() + (document.Length == 0 ? "" : "\n\n") + section;
        }

        var end = lines.FindIndex(start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
        var after = end < 0 ? "" : "\n" + string.Join('\n', lines.Skip(end));
        return string.Join('\n', lines.Take(start)) + "\n" + section + after;
    }

    private static string Range(IReadOnlyList<double> ms) => ms.Count == 0 ? "n/a"
        : Math.Round(ms.Min()) == Math.Round(ms.Max()) ? string.Create(CultureInfo.InvariantCulture, $"{ms[0]:0} ms in every run")
        : string.Create(CultureInfo.InvariantCulture, $"{ms.Min():+0;-0;0} to {ms.Max():+0;-0;0} ms (median {Stats.Median(ms):+0;-0;0} ms)");
}
