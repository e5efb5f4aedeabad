namespace DrillBot.Slack.Handling;

/// <summary>What stands between a drill and a run now, before asking to confirm an override.</summary>
public abstract record SlackOverrideCheck
{
    private SlackOverrideCheck()
    {
    }

    public sealed record UnknownDrill(string Drill, IReadOnlyList<string> Known) : SlackOverrideCheck;

    /// <summary>No blackout is in force: there is nothing to override.</summary>
    public sealed record NoBlackout(string Drill) : SlackOverrideCheck;

    /// <summary>Blackout <see cref="Window"/> is in force <see cref="UntilText"/> (<c>until 23:59 Asia/Shanghai (15:59 UTC)</c>).</summary>
    public sealed record Blackout(string Drill, string Window, string UntilText) : SlackOverrideCheck;
}
