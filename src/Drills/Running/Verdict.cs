using System.Text.Json.Serialization;

namespace DrillBot.Drills.Running;

/// <summary>The verdict of a run (report <c>verdict</c>, SQL <c>verdict</c>, label <c>verdict</c>); wire names via <see cref="WireNames"/>.</summary>
public enum Verdict
{
    /// <summary>Every check passed.</summary>
    [JsonStringEnumMemberName("passed")]
    Passed,

    /// <summary>The system under test deviated: a check failed.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>Stopped before the end: abortIf, timeout, cancellation, or a refused preflight (blackout, lock, preconditions, steady state).</summary>
    [JsonStringEnumMemberName("aborted")]
    Aborted,

    /// <summary>The tool or its access broke (403/404, API unreachable); no verdict on the system.</summary>
    [JsonStringEnumMemberName("errored")]
    Errored,

    /// <summary>
    /// No check failed, but at least one statistical check could not be decided: its confidence
    /// interval straddles the threshold (too few samples). Exit code 5.
    /// </summary>
    [JsonStringEnumMemberName("inconclusive")]
    Inconclusive,
}
