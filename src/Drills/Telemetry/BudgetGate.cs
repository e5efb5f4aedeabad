using System.Globalization;
using DrillBot.Drills.Analysis;

namespace DrillBot.Drills.Telemetry;

/// <summary>
/// Preflight of <c>budget:</c>: reads the SLO's error budget over its window from the project's recording rules and
/// refuses, with one line, when less is left than the run may spend. The window's requests are its average request
/// rate × the window; the budget is <c>maxUserErrors</c> of them.
/// </summary>
internal static class BudgetGate
{
    /// <returns>The budget as the run starts, and the one-line refusal (with whether it is an error of access) or null.</returns>
    public static async Task<(BudgetReport Report, string? Refusal, bool Errored)> CheckAsync(MeshQueries queries, BudgetDefinition budget,
        TelemetryDefinition telemetry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (budget.MaxUserErrors is not { } slo)
        {
            return (new BudgetReport { Allowed = budget.PerRunErrors }, null, false);
        }

        var window = budget.Window;
        var who = $"{telemetry.IngressNamespace}/{telemetry.IngressWorkload}";
        (double Requests, double Errors)? rates;
        try
        {
            rates = await queries.SloRatesAsync(window, now, cancellationToken).ConfigureAwait(false);
        }
        catch (PrometheusException e)
        {
            return (new BudgetReport { MaxUserErrors = slo, WindowSeconds = window.TotalSeconds }, $"budget: cannot read the error budget: {e.Message}; refused (nothing changed)", true);
        }

        if (rates is not { Requests: > 0 } r)
        {
            return (new BudgetReport { MaxUserErrors = slo, WindowSeconds = window.TotalSeconds },
                $"budget: Prometheus {queries.Prometheus} has no user requests of {who} over {Window(window)} in {MeshQueries.RequestsRule} (are the recording rules of charts/drillbot/files/drillbot-alerts.yaml, group drillbot-mesh, loaded?); refused (nothing changed)", true);
        }

        var requests = r.Requests * window.TotalSeconds;
        var spent = r.Errors * window.TotalSeconds;
        var total = slo * requests;
        var remaining = total - spent;
        var allowed = budget.PerRunShare is { } share ? share * total : budget.PerRunErrors is { } n ? n : Math.Max(0, remaining);
        var report = new BudgetReport
        {
            MaxUserErrors = slo, WindowSeconds = window.TotalSeconds, WindowRequests = Math.Round(requests, 1), BudgetErrors = Math.Round(total, 1),
            SpentBefore = Math.Round(spent, 1), RemainingAtStart = Math.Round(remaining, 1), Allowed = Math.Round(allowed, 1),
        };
        var slot = $"the {Format.Percent(slo)} SLO over {Window(window)} allows {Count(total)} failed of {Count(requests)} user requests, {Count(spent)} failed ({Format.Percent(spent / total)} spent)";
        if (remaining <= 0)
        {
            return (report, $"budget: the error budget is exhausted: {slot}; refused (nothing changed)", false);
        }

        if (budget.PerRunShare is not null || budget.PerRunErrors is not null)
        {
            if (remaining < allowed)
            {
                return (report, $"budget: {Count(remaining)} failed requests are left of the error budget ({slot}), fewer than the {Count(allowed)} this drill may spend (budget.perRun); refused (nothing changed)", false);
            }
        }

        return (report, null, false);
    }

    private static string Count(double n) => Math.Round(n).ToString("N0", CultureInfo.InvariantCulture);

    private static string Window(TimeSpan window) => Parsing.MeshParser.WindowText(window);
}
