namespace DrillBot.Drills.Reports;

/// <summary>Stable colours per probe class: ok classes in blues/greens, not-ok in amber, <c>error</c> in red.</summary>
internal static class ClassPalette
{
    private static readonly string[] Ok = ["#2563eb", "#059669", "#7c3aed", "#0891b2", "#65a30d", "#db2777"];
    private static readonly string[] Bad = ["#d97706", "#ea580c", "#a16207"];

    public static IReadOnlyDictionary<string, string> For(DrillReport report)
    {
        var colours = new Dictionary<string, string>(StringComparer.Ordinal);
        var buckets = report.Timeline.Buckets ?? [];
        var okClasses = report.Timeline.Samples.Where(s => s.Ok).Select(s => s.Class).Concat(buckets.SelectMany(b => b.Ok.Keys))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var badClasses = report.Timeline.Samples.Where(s => !s.Ok).Select(s => s.Class).Concat(buckets.SelectMany(b => b.NotOk.Keys))
            .Where(c => c != "error").Distinct().Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < okClasses.Count; i++)
        {
            colours[okClasses[i]] = Ok[i % Ok.Length];
        }

        for (var i = 0; i < badClasses.Count; i++)
        {
            colours.TryAdd(badClasses[i], Bad[i % Bad.Length]);
        }

        colours["error"] = "#dc2626";
        return colours;
    }

    public static string Marker(string kind) => kind switch
    {
        "fault" => "#dc2626",
        "failover" => "#2563eb",
        "recovered" => "#059669",
        "restore-start" or "restore-done" => "#7c3aed",
        "failback" => "#0d9488",
        "abort" => "#b91c1c",
        "control-fault" or "control-abort" => "#f97316",
        "control" or "control-restore" or "control-back" => "#a16207",
        _ => "#64748b",
    };
}
