namespace DrillBot.Slack.Handling;

/// <summary>How a start request ended (the same cases as <c>POST /api/drills/{name}/runs</c>: 202, 409, 423, 404).</summary>
public abstract record SlackStartResult
{
    private SlackStartResult()
    {
    }

    /// <summary>The run was accepted and goes on in the background.</summary>
    public sealed record Started(string RunId) : SlackStartResult;

    /// <summary>A dry run: the plan (plain text, each change with before/after and its restore).</summary>
    public sealed record Planned(string PlanText) : SlackStartResult;

    /// <summary>Another drill holds the target (<see cref="RunId"/> may be unknown when another instance runs it).</summary>
    public sealed record Busy(string RunningDrill, string? RunId) : SlackStartResult;

    /// <summary>A blackout window is active. <see cref="UntilText"/>: its end in the drill's zone and UTC.</summary>
    public sealed record Blackout(string Window, DateTimeOffset? Until) : SlackStartResult
    {
        public string? UntilText { get; init; }
    }

    /// <summary>DrillBot is frozen: nothing starts until <c>/drill unfreeze</c>.</summary>
    public sealed record Frozen(string By, string Reason, DateTimeOffset? Since) : SlackStartResult;

    /// <summary>The drill needs approval: a request was posted in the channel with Approve/Reject.</summary>
    public sealed record ApprovalRequested(string ApprovalId, int Required, IReadOnlyList<string> Approvers, DateTimeOffset ExpiresAt) : SlackStartResult;

    /// <summary>No drill of that name.</summary>
    public sealed record UnknownDrill(string Drill, IReadOnlyList<string> Known) : SlackStartResult;

    /// <summary>Refused for another reason (preflight, invalid configuration); <see cref="Reason"/> is shown to the user.</summary>
    public sealed record Refused(string Reason) : SlackStartResult;
}
