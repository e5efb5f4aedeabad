namespace DrillBot.Slack.Handling;

/// <summary>How an abort request ended.</summary>
public abstract record SlackAbortResult
{
    private SlackAbortResult()
    {
    }

    /// <summary>The run is stopping and restoring.</summary>
    public sealed record Aborting(string RunId, string Drill) : SlackAbortResult;

    /// <summary>No run with that ID.</summary>
    public sealed record NotFound(string RunId) : SlackAbortResult;

    /// <summary>The run has finished already.</summary>
    public sealed record AlreadyFinished(string RunId, string Verdict) : SlackAbortResult;

    /// <summary>No ID given and nothing is running.</summary>
    public sealed record NothingRunning : SlackAbortResult;

    /// <summary>No ID given and several runs are active: the user must name one.</summary>
    public sealed record Ambiguous(IReadOnlyList<string> RunIds) : SlackAbortResult;
}
