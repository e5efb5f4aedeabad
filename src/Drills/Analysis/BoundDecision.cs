namespace DrillBot.Drills.Analysis;

/// <summary>What a confidence interval says about a proportion against bounds [lo, hi] (null = unbounded).</summary>
public enum BoundDecision
{
    /// <summary>The whole interval lies inside the bounds.</summary>
    Passed,

    /// <summary>The whole interval lies below lo.</summary>
    FailedBelow,

    /// <summary>The whole interval lies above hi.</summary>
    FailedAbove,

    /// <summary>The interval straddles a bound: too few samples to decide.</summary>
    Undecided,
}
