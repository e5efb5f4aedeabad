namespace DrillBot.Metrics;

/// <summary>The verdict label values (the report's verdicts, DESIGN.md section 6).</summary>
internal static class Verdicts
{
    public const string Passed = "passed";

    public static readonly IReadOnlyList<string> All = [Passed, "failed", "aborted", "errored", "inconclusive"];
}
