using DrillBot.Drills.Definitions;
using DrillBot.Drills.Definitions.Parsing;

namespace DrillBot.Drills.Telemetry.Parsing;

/// <summary>Rules across <c>telemetry:</c> and the drills' <c>mesh:</c> and <c>budget:</c>.</summary>
internal static class TelemetryRules
{
    public static void Check(YamlContext ctx, TelemetryDefinition? telemetry, IReadOnlyList<DrillDefinition> drills)
    {
        for (var i = 0; i < drills.Count; i++)
        {
            var drill = drills[i];
            if (telemetry is null && (drill.Budget is not null || drill.Mesh?.Required == true))
            {
                ctx.Problem(drill.Location, $"drills[{i}].{(drill.Budget is not null ? "budget" : "mesh.required")}: needs the mesh's metrics: add a top-level 'telemetry: {{ prometheus: URL }}'");
            }

            if (telemetry is not null && drill.Budget is { } budget && budget.Window < telemetry.ScrapeInterval * 4)
            {
                ctx.Problem(drill.Location, $"drills[{i}].budget.window: shorter than four scrape intervals ({Analysis.Format.Seconds(telemetry.ScrapeInterval)} each): too little data for an error budget");
            }
        }

        if (telemetry is { ScrapeInterval: var scrape, Timeout: var timeout } && (scrape > TimeSpan.FromMinutes(10) || timeout > TimeSpan.FromMinutes(1)))
        {
            ctx.Problem(telemetry.Location, "telemetry: scrapeInterval must be at most 10m and timeout at most 1m");
        }
    }
}
