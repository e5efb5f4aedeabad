using System.Text.Json;
using System.Text.RegularExpressions;

namespace DrillBot.Tests.Observability;

/// <summary>A query of the dashboard: where it is (panel title, annotation or variable name) and its PromQL.</summary>
internal sealed record DashboardQuery(string Where, string Expr);

/// <summary>Reads charts/drillbot/dashboards/drillbot.json and lists every PromQL query in it.</summary>
internal sealed partial class GrafanaDashboard : IDisposable
{
    private readonly JsonDocument document;

    private GrafanaDashboard(JsonDocument document) => this.document = document;

    public static string FilePath => RepositoryRoot.Combine("charts", "drillbot", "dashboards", "drillbot.json");

    public JsonElement Root => document.RootElement;

    public static GrafanaDashboard Load() => new(JsonDocument.Parse(File.ReadAllText(FilePath)));

    /// <summary>All panels, those nested in collapsed rows included.</summary>
    public IEnumerable<JsonElement> Panels()
    {
        foreach (var panel in Root.GetProperty("panels").EnumerateArray())
        {
            yield return panel;
            if (panel.TryGetProperty("panels", out var nested))
            {
                foreach (var inner in nested.EnumerateArray())
                {
                    yield return inner;
                }
            }
        }
    }

    public IEnumerable<DashboardQuery> PanelQueries() =>
        from panel in Panels()
        where panel.TryGetProperty("targets", out _)
        from target in panel.GetProperty("targets").EnumerateArray()
        select new DashboardQuery($"panel '{panel.GetProperty("title").GetString()}'", target.GetProperty("expr").GetString()!);

    public IEnumerable<DashboardQuery> AnnotationQueries() =>
        from annotation in Root.GetProperty("annotations").GetProperty("list").EnumerateArray()
        where annotation.TryGetProperty("expr", out _)
        select new DashboardQuery($"annotation '{annotation.GetProperty("name").GetString()}'", annotation.GetProperty("expr").GetString()!);

    /// <summary>The variables' queries, label_values(metric, label) turned into the metric selector.</summary>
    public IEnumerable<DashboardQuery> VariableQueries()
    {
        foreach (var variable in Variables().Where(v => v.GetProperty("type").GetString() == "query"))
        {
            var query = variable.GetProperty("query");
            var text = query.ValueKind == JsonValueKind.Object ? query.GetProperty("query").GetString()! : query.GetString()!;
            var labelValues = LabelValues().Match(text);
            yield return new DashboardQuery($"variable '{variable.GetProperty("name").GetString()}'",
                labelValues.Success ? labelValues.Groups["selector"].Value : text);
        }
    }

    public IEnumerable<DashboardQuery> AllQueries() => PanelQueries().Concat(AnnotationQueries()).Concat(VariableQueries());

    public IEnumerable<JsonElement> Variables() => Root.GetProperty("templating").GetProperty("list").EnumerateArray();

    public void Dispose() => document.Dispose();

    [GeneratedRegex(@"^\s*label_values\(\s*(?<selector>[^,]+?)\s*,\s*\w+\s*\)\s*$")]
    private static partial Regex LabelValues();
}
