namespace DrillBot.Slack.BlockKit;

/// <summary>The <c>action_id</c>s DrillBot's buttons carry.</summary>
public static class SlackActionIds
{
    /// <summary>The Abort button on a run message; its value is the run ID.</summary>
    public const string Abort = "drill_abort";

    /// <summary>Approve on an approval request; its value is the approval ID.</summary>
    public const string Approve = "drill_approve";

    /// <summary>Reject on an approval request; its value is the approval ID.</summary>
    public const string Reject = "drill_reject";

    /// <summary>Confirm on an override question (only for the user who asked); its value is an <see cref="Handling.OverrideTicket"/>.</summary>
    public const string ConfirmOverride = "drill_override_confirm";

    /// <summary>Cancel on an override question.</summary>
    public const string CancelOverride = "drill_override_cancel";
}
