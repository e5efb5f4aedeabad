namespace DrillBot.Metrics;

/// <summary>The restore status label values (the report's restore.status, DESIGN.md section 6).</summary>
internal static class RestoreStatuses
{
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = ["verified", "restored", Failed];
}
