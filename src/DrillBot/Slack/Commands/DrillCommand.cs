namespace DrillBot.Slack.Commands;

/// <summary>
/// What <c>/drill …</c> asked for: a closed set of cases (docs/contracts.md#slack-commands). Parsed by
/// <see cref="DrillCommandParser"/>; malformed text becomes <see cref="Invalid"/>, never an exception.
/// </summary>
public abstract record DrillCommand
{
    private DrillCommand()
    {
    }

    /// <summary><c>run NAME [--dry-run] [--override-blackout REASON]</c>: start a drill (or show its plan).</summary>
    public sealed record Run(string Drill, bool DryRun) : DrillCommand
    {
        /// <summary>Run inside a blackout for this reason (asked to confirm first); null when not given.</summary>
        public string? OverrideBlackout { get; init; }
    }

    /// <summary><c>freeze REASON</c>: stop every running drill and refuse new ones until <c>unfreeze</c>.</summary>
    public sealed record Freeze(string Reason) : DrillCommand;

    /// <summary><c>unfreeze</c>: lift the freeze.</summary>
    public sealed record Unfreeze : DrillCommand;

    /// <summary><c>list</c>: the drills, schedules and next fire times.</summary>
    public sealed record List : DrillCommand;

    /// <summary><c>status</c>: what is running now.</summary>
    public sealed record Status : DrillCommand;

    /// <summary><c>abort [RUN]</c>: abort the given run, or the one running.</summary>
    public sealed record Abort(string? RunId) : DrillCommand;

    /// <summary><c>history [NAME]</c>: recent runs, optionally of one drill.</summary>
    public sealed record History(string? Drill) : DrillCommand;

    /// <summary><c>help</c> (also empty text).</summary>
    public sealed record Help : DrillCommand;

    /// <summary>Text that is not a command; <see cref="Problem"/> says what is wrong (plain text, unescaped).</summary>
    public sealed record Invalid(string Problem) : DrillCommand;

    /// <summary>True for commands that change something (run, abort, unfreeze) and therefore need <c>SLACK_ALLOWED_USERS</c>; freeze has its own, broader list.</summary>
    public bool NeedsPermission => this is Run or Abort or Unfreeze;
}
