using DrillBot.Drills.Reports;
using Spectre.Console;

namespace DrillBot.Cli;

/// <summary>
/// Writes the report files asked for (--samples-file, --report-json, --junit, --html); a write error is one line and exit 2.
/// The samples file comes first, so that the report names it (<c>timeline.samplesFile</c>) only when it was written.
/// </summary>
internal static class ReportFiles
{
    public static bool Write(CliEnvironment env, DrillReport report, string? json, string? junit, string? html, string? samples = null)
    {
        var ok = true;
        if (samples is not null)
        {
            if (Try(env, samples, full => SamplesCsv.Write(full, report.RawSamples)))
            {
                report = report with { Timeline = report.Timeline with { SamplesFile = env.Path(samples) } };
            }
            else
            {
                ok = false;
            }
        }

        foreach (var (path, render) in new (string?, Func<string>)[] { (json, () => ReportJson.Serialize(report)), (junit, () => JUnitReport.Render(report)), (html, () => HtmlReport.Render(report)) })
        {
            if (path is null)
            {
                continue;
            }

            ok &= Try(env, path, full => File.WriteAllText(full, render()));
        }

        return ok;
    }

    private static bool Try(CliEnvironment env, string path, Action<string> write)
    {
        try
        {
            var full = env.Path(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            write(full);
            env.Out.MarkupLine($"[grey]wrote {Markup.Escape(path)}[/]");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            env.Fail($"cannot write {path}: {e.Message}");
            return false;
        }
    }
}
