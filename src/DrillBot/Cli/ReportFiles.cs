using DrillBot.Drills.Reports;
using Spectre.Console;

namespace DrillBot.Cli;

/// <summary>Writes the report files asked for (--report-json, --junit, --html); a write error is one line and exit 2.</summary>
internal static class ReportFiles
{
    public static bool Write(CliEnvironment env, DrillReport report, string? json, string? junit, string? html)
    {
        var ok = true;
        foreach (var (path, render) in new (string?, Func<string>)[] { (json, () => ReportJson.Serialize(report)), (junit, () => JUnitReport.Render(report)), (html, () => HtmlReport.Render(report)) })
        {
            if (path is null)
            {
                continue;
            }

            try
            {
                var full = env.Path(path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, render());
                env.Out.MarkupLine($"[grey]wrote {Markup.Escape(path)}[/]");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                env.Fail($"cannot write {path}: {e.Message}");
                ok = false;
            }
        }

        return ok;
    }
}
