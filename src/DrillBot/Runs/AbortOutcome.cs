namespace DrillBot.Runs;

/// <summary>How an abort request ended.</summary>
public abstract record AbortOutcome
{
    private AbortOutcome()
    {
    }

    /// <summary>The run is stopping and restoring. <paramref name="Remote"/>: it runs on another replica, which was asked through the store.</summary>
    public sealed record Aborting(string RunId, string Drill, bool Remote) : AbortOutcome;

    public sealed record NotFound(string RunId) : AbortOutcome;

    public sealed record AlreadyFinished(string RunId, string Drill, string Verdict) : AbortOutcome;

    /// <summary>No run named and none is running.</summary>
    public sealed record NothingRunning : AbortOutcome;

    /// <summary>No run named and several are running.</summary>
    public sealed record Ambiguous(IReadOnlyList<string> RunIds) : AbortOutcome;
}
