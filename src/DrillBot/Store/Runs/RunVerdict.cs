namespace DrillBot.Store.Runs;

/// <summary>The verdict of a run (report <c>verdict</c>).</summary>
public enum RunVerdict
{
    /// <summary>The system recovered as expected.</summary>
    Passed,

    /// <summary>The system under test deviated.</summary>
    Failed,

    /// <summary>Stopped by an abort condition or a person.</summary>
    Aborted,

    /// <summary>The tool or its access broke; no verdict about the system.</summary>
    Errored,

    /// <summary>No check failed, but too few samples to decide one.</summary>
    Inconclusive,
}
