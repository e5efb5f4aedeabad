using DrillBot.Drills.Reports;
using DrillBot.Drills.Telemetry;
using Prometheus;

namespace DrillBot.Metrics;

/// <summary>
/// What the mesh's own metrics said about each run (docs/metrics.md, "Other metrics"): real users' requests and errors at the
/// ingress during runs, how far the probe and the mesh were apart per window, the mesh checks' results, and the share of
/// the SLO's error budget the last run spent. Label values: drill names, the fixed window names and check results.
/// </summary>
internal sealed class MeshMetrics
{
    /// <summary>The mesh checks' results (a mesh check is never inconclusive).</summary>
    private static readonly string[] Results = ["passed", "failed", "skipped"];

    private readonly Counter userErrors;
    private readonly Counter userRequests;
    private readonly Gauge agreementDelta;
    private readonly Counter checks;
    private readonly Gauge budgetSpent;

    public MeshMetrics(IMetricFactory factory)
    {
        userErrors = factory.CreateCounter("drillbot_drill_user_errors_total", "Real users' requests the ingress gateway answered with 5xx during runs of the drill (from the mesh's metrics; not a Contract metric).",
            new CounterConfiguration { LabelNames = ["drill"] });
        userRequests = factory.CreateCounter("drillbot_drill_user_requests_total", "Real users' requests the ingress gateway answered during runs of the drill (from the mesh's metrics; not a Contract metric).",
            new CounterConfiguration { LabelNames = ["drill"] });
        agreementDelta = factory.CreateGauge("drillbot_drill_mesh_agreement_delta", "Largest |probe share - mesh share| over the classes in each window of the last run (not a Contract metric).",
            new GaugeConfiguration { LabelNames = ["drill", "window"] });
        checks = factory.CreateCounter("drillbot_drill_mesh_checks_total", "Mesh checks (mesh.share, mesh.agreement, mesh.userErrors) by result (not a Contract metric).",
            new CounterConfiguration { LabelNames = ["drill", "result"] });
        budgetSpent = factory.CreateGauge("drillbot_drill_budget_spent_ratio", "Share of the SLO's error budget the last run of the drill spent (not a Contract metric).",
            new GaugeConfiguration { LabelNames = ["drill"] });
    }

    /// <summary>Zeros, not gaps, for a configured drill.</summary>
    public void Declare(string drill)
    {
        userErrors.WithLabels(drill).Publish();
        userRequests.WithLabels(drill).Publish();
        foreach (var result in Results)
        {
            checks.WithLabels(drill, result).Publish();
        }
    }

    public void RunFinished(DrillReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var check in report.Checks.Where(c => c.Name.StartsWith("mesh.", StringComparison.Ordinal)))
        {
            checks.WithLabels(report.Drill, check.Result).Inc();
        }

        if (report.Mesh is not { Status: MeshReport.Evaluated } mesh)
        {
            return;
        }

        if (mesh.UserErrors is { } users)
        {
            userErrors.WithLabels(report.Drill).Inc(users.Errors);
            userRequests.WithLabels(report.Drill).Inc(users.Requests);
        }

        foreach (var window in mesh.Windows.Where(w => w.MaxDelta is not null))
        {
            agreementDelta.WithLabels(report.Drill, window.Name).Set(window.MaxDelta!.Value);
        }

        if (report.Budget?.SpentOfBudget is { } spent)
        {
            budgetSpent.WithLabels(report.Drill).Set(spent);
        }
    }
}
