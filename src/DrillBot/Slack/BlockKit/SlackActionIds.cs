namespace DrillBot.Slack.BlockKit;

/// <summary>The <c>action_id</c>s DrillBot's buttons carry.</summary>
public static class SlackActionIds
{
    /// <summary>The Abort button on a run message; its value is the run ID.</summary>
    public const string Abort = "drill_abort";
}
