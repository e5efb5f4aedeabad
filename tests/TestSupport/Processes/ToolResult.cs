namespace DrillBot.TestSupport.Processes;

/// <summary>The result of running an external program.</summary>
public sealed record ToolResult(int ExitCode, string Stdout, string Stderr)
{
    public string Output => Stdout + Stderr;
}
