namespace DrillBot.Drills.Telemetry;

/// <summary>
/// Report field <c>budget</c>: the error budget the drill was allowed to spend and what it spent (docs/drills-yaml.md#mesh-and-budget).
/// Counts are failed user requests (5xx at the ingress). The SLO figures are null for a drill with only a per-run cap.
/// </summary>
public sealed record BudgetReport
{
    /// <summary>The SLO (<c>budget.maxUserErrors</c>).</summary>
    public double? MaxUserErrors { get; init; }

    /// <summary>The SLO window in seconds.</summary>
    public double? WindowSeconds { get; init; }

    /// <summary>User requests over the window (its average request rate × the window, from the recording rules).</summary>
    public double? WindowRequests { get; init; }

    /// <summary>The window's error budget: MaxUserErrors × WindowRequests.</summary>
    public double? BudgetErrors { get; init; }

    /// <summary>Failed user requests over the window before the run (what is already spent).</summary>
    public double? SpentBefore { get; init; }

    /// <summary>BudgetErrors − SpentBefore when the run started.</summary>
    public double? RemainingAtStart { get; init; }

    /// <summary>What this run may spend: the per-run cap, or the remaining budget without one.</summary>
    public double? Allowed { get; init; }

    /// <summary>Failed user requests during the run (null when they could not be counted).</summary>
    public long? Spent { get; init; }

    /// <summary>Spent as a share of the window's budget.</summary>
    public double? SpentOfBudget => Spent is { } s && BudgetErrors is { } b && b > 0 ? Math.Round(s / b, 6) : null;
}
