using System.Globalization;
using System.Text;
using DrillBot.Drills.Telemetry;
using static DrillBot.Drills.Reports.HtmlReport;

namespace DrillBot.Drills.Reports;

/// <summary>The HTML report's mesh section: each window seen by the probe and by the mesh, the users' errors and the budget.</summary>
internal static class MeshTables
{
    public static void Mesh(StringBuilder html, DrillReport report)
    {
        if (report.Mesh is not { } mesh)
        {
            return;
        }

        html.Append("<section><h2>Mesh (what all users saw)</h2>");
        if (mesh.Status == MeshReport.Skipped)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"warn\">mesh checks skipped: {E(mesh.Reason ?? "unknown")}</p>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(mesh.Service ?? "?")} responses (2xx, reporter=source) by destination_cluster, from Prometheus {E(mesh.Prometheus ?? "–")}; agreement within {Num(mesh.AgreeWithin)}</p>");
        if (mesh.Windows.Count > 0)
        {
            html.Append("<table><thead><tr><th>window</th><th>probe</th><th>mesh</th><th>max delta</th><th>by source</th></tr></thead><tbody>");
            foreach (var w in mesh.Windows)
            {
                var sources = string.Join(string.Empty, w.Sources.Select(s => $"<div>{E(s.Workload)}@{E(s.Cluster)}: {E(string.Join(", ", s.ByDestinationCluster.Select(d => $"{d.Key} {d.Value}")))}</div>"));
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{E(w.Name)}<div class=\"note\">{Time(w.From)} → {Time(w.To)}</div></td><td>{Shares(w.ProbeShares)}<div class=\"note\">{w.ProbeSamples} ok samples</div></td><td>{Shares(w.MeshShares)}<div class=\"note\">{w.MeshResponses} responses</div></td><td>{Num(w.MaxDelta)}</td><td>{sources}</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        if (mesh.UserErrors is { } u)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>user errors (5xx at the ingress gateway) from {Time(u.From)} to {Time(u.To)}: <b>{u.Errors}</b> of {u.Requests}{(u.Ratio is { } r ? $" ({Num(r * 100)} %)" : string.Empty)}{(u.PeakRatio is { } p ? $", peak {Num(p * 100)} % at {Time(u.PeakAt)}" : string.Empty)}</p>");
        }

        if (report.Budget is { } b)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>budget: {(b.MaxUserErrors is { } slo ? $"SLO {Num(slo * 100)} % failed over {Num(b.WindowSeconds / 86400)} d: {Num(b.BudgetErrors)} failed allowed, {Num(b.SpentBefore)} spent before, {Num(b.RemainingAtStart)} left; " : string.Empty)}this run may spend {Num(b.Allowed)}, spent <b>{(b.Spent is { } s ? s.ToString(CultureInfo.InvariantCulture) : "–")}</b>{(b.SpentOfBudget is { } f ? $" ({Num(f * 100)} % of the window's budget)" : string.Empty)}</p>");
        }

        html.Append("</section>");
    }

    private static string Shares(IReadOnlyDictionary<string, double> shares) =>
        shares.Count == 0 ? "–" : string.Join(string.Empty, shares.OrderByDescending(kv => kv.Value).Select(kv => $"<div>{E(kv.Key)} {Num(kv.Value)}</div>"));
}
