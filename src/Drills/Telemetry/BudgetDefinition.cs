namespace DrillBot.Drills.Telemetry;

/// <summary>
/// A drill's <c>budget:</c>: the SLO of real users at the ingress (<see cref="MaxUserErrors"/> over <see cref="Window"/>, its
/// error budget read from Prometheus through the project's recording rules) and what one run may spend of it
/// (<see cref="PerRunShare"/> of the window's budget, or <see cref="PerRunErrors"/> failed requests). Preflight refuses when
/// less is left than the run may spend; a run whose users' errors exceed it aborts and restores.
/// </summary>
public sealed record BudgetDefinition
{
    /// <summary>The SLO: the share of user requests at the ingress that may fail (5xx) over <see cref="Window"/>; null = only a per-run cap.</summary>
    public double? MaxUserErrors { get; init; }

    public TimeSpan Window { get; init; } = TimeSpan.FromDays(30);

    /// <summary>The cap of one run as a share of the window's error budget (<c>perRun: 20%</c>).</summary>
    public double? PerRunShare { get; init; }

    /// <summary>The cap of one run as a number of failed user requests (<c>perRun: 500</c>).</summary>
    public long? PerRunErrors { get; init; }
}
