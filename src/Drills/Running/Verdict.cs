namespace DrillBot.Drills.Running;

/// <summary>The verdict of a run (Contract values, lower-case in the report).</summary>
public enum Verdict
{
    /// <summary>Every check passed.</summary>
    Passed,

    /// <summary>The system under test deviated: a check failed.</summary>
    Failed,

    /// <summary>Stopped before the end: abortIf, timeout, cancellation, or a refused preflight (blackout, lock, preconditions, steady state).</summary>
    Aborted,

    /// <summary>The tool or its access broke (403/404, API unreachable); no verdict on the system.</summary>
    Errored,

    /// <summary>
    /// No check failed, but at least one statistical check could not be decided: its confidence
    /// interval straddles the threshold (too few samples). Wire name "inconclusive"; exit code 5.
    /// </summary>
    Inconclusive,
}
