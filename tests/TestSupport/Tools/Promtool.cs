using DrillBot.TestSupport.Processes;

namespace DrillBot.TestSupport.Tools;

/// <summary>The machine's promtool (Debian package <c>prometheus</c>; .ci/run installs it): metrics lint and rule checks.</summary>
public static class Promtool
{
    private static string Executable => ExternalTool.Require("promtool", "prometheus");

    /// <summary><c>promtool check metrics</c> on an exposition (text format) given on stdin.</summary>
    public static Task<ToolResult> CheckMetricsAsync(string exposition) =>
        ExternalTool.RunAsync(Executable, ["check", "metrics"], stdin: exposition);

    public static Task<ToolResult> CheckRulesAsync(params string[] ruleFiles) =>
        ExternalTool.RunAsync(Executable, ["check", "rules", .. ruleFiles]);

    public static Task<ToolResult> TestRulesAsync(string workingDirectory, params string[] testFiles) =>
        ExternalTool.RunAsync(Executable, ["test", "rules", .. testFiles], workingDirectory);
}
