namespace DrillBot.Tests.Observability;

/// <summary>`promtool check rules` / `promtool test rules` (Debian package `prometheus`).</summary>
internal static class PromtoolRunner
{
    public static Task<ToolResult> CheckRulesAsync(params string[] ruleFiles) =>
        ExternalTool.RunAsync(ExternalTool.Require("promtool", "prometheus"), ["check", "rules", .. ruleFiles]);

    public static Task<ToolResult> TestRulesAsync(string workingDirectory, params string[] testFiles) =>
        ExternalTool.RunAsync(ExternalTool.Require("promtool", "prometheus"), ["test", "rules", .. testFiles], workingDirectory);
}
