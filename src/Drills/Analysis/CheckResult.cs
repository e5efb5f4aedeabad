using System.Text.Json.Serialization;

namespace DrillBot.Drills.Analysis;

/// <summary>
/// One check of a run: what was expected, what was measured, whether it passed. A statistical check
/// (share, error ratio, beforeFault) carries its <see cref="Interval"/>; when the interval straddles
/// the threshold it is <see cref="Inconclusive"/> (and not <see cref="Passed"/>): too few samples to decide. A mesh check
/// that could not be evaluated (Prometheus unreachable, a window too short for its scrapes) is <see cref="Skipped"/>: it
/// neither passes nor fails the run.
/// </summary>
public sealed record CheckResult(string Name, string Expected, string Actual, bool Passed)
{
    /// <summary>Neither passed nor failed: the confidence interval straddles the threshold.</summary>
    public bool Inconclusive { get; init; }

    /// <summary>Not evaluated; <see cref="Actual"/> says why. Does not change the verdict.</summary>
    public bool Skipped { get; init; }

    /// <summary>The confidence interval the check was decided on; null for checks that are not statistical.</summary>
    public ConfidenceInterval? Interval { get; init; }

    /// <summary>Failed outright (not inconclusive).</summary>
    [JsonIgnore]
    public bool Failed => !Passed && !Inconclusive && !Skipped;

    /// <summary>"passed", "failed", "inconclusive" or "skipped".</summary>
    public string Result => Passed ? "passed" : Inconclusive ? "inconclusive" : Skipped ? "skipped" : "failed";
}
