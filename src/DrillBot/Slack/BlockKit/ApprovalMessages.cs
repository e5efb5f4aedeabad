namespace DrillBot.Slack.BlockKit;

/// <summary>
/// An approval request in the run channel: the request with Approve/Reject (Reject asks to confirm), one thread line
/// per decision and event, and the closing update that replaces the request (approved, rejected or expired; buttons gone).
/// </summary>
public static class ApprovalMessages
{
    public static SlackMessage Request(SlackApprovalView view)
    {
        var blocks = Blocks.List(
        [
            Blocks.Header($":raised_hand: Approval needed: drill {view.Drill}"),
            Blocks.Fields(Fields(view)),
            string.IsNullOrWhiteSpace(view.Description) ? null : Blocks.Context(SlackText.Escape(view.Description)),
            view.OverrideBlackout is null ? null : Blocks.Section($":crescent_moon: Runs inside the current blackout on an override: _{SlackText.Escape(view.OverrideBlackout)}_"),
            Blocks.Actions(
                Blocks.Button("Approve", SlackActionIds.Approve, view.ApprovalId, "primary"),
                Blocks.Button(
                    "Reject",
                    SlackActionIds.Reject,
                    view.ApprovalId,
                    "danger",
                    Blocks.Confirm("Reject this run?", $"*{SlackText.Escape(view.Drill)}* will not run under request {SlackFormat.Code(view.ApprovalId)}.", "Reject", "Keep it"))),
            Blocks.Context(
                $":hourglass_flowing_sand: Expires {SlackFormat.Date(view.ExpiresAt)} · the requester cannot approve · "
                + (view.AutoStart ? "the run starts when approved" : "approved requests are run through the API with this id")),
        ]);
        return new SlackMessage($"Approval needed: drill {view.Drill} ({view.ApprovalId}), requested by {view.RequestedBy}", blocks);
    }

    /// <summary>The request once closed: who decided, and what happened; no buttons.</summary>
    public static SlackMessage Closed(SlackApprovalView view)
    {
        var (emoji, what) = view.Status switch
        {
            "approved" or "used" => (":white_check_mark:", "approved"),
            "rejected" => (":no_entry_sign:", "rejected"),
            "expired" => (":hourglass:", "expired"),
            _ => (":grey_question:", view.Status),
        };
        var outcome = view.Status switch
        {
            "rejected" => $"Rejected by {SlackFormat.Who(view.RejectedBy, view.RejectedBy)}; nothing ran.",
            "expired" => $"Expired with {view.ApprovedBy.Count} of {view.Required} approvals; nothing ran.",
            _ => $"Approved by {string.Join(", ", view.ApprovedBy.Select(a => SlackFormat.Who(a, a)))}"
                + (view.RunId is null ? "." : $"; run {SlackFormat.Code(view.RunId)}."),
        };
        var blocks = Blocks.List(
        [
            Blocks.Header($"{emoji} Drill {view.Drill}: request {what}"),
            Blocks.Fields(Fields(view)),
            Blocks.Section(outcome),
        ]);
        return new SlackMessage($"Drill {view.Drill}: request {view.ApprovalId} {what}", blocks);
    }

    /// <summary>A decision in the thread: <c>✅ Approved by @ann (1 of 2)</c>.</summary>
    public static SlackMessage Decision(string userId, bool approved, int approvals, int required)
    {
        var line = approved
            ? $":white_check_mark: Approved by {SlackFormat.Who(userId, userId)} ({approvals} of {required})"
            : $":no_entry_sign: Rejected by {SlackFormat.Who(userId, userId)}";
        return new SlackMessage(approved ? $"Approved by {userId} ({approvals} of {required})" : $"Rejected by {userId}", Blocks.List([Blocks.Section(line)]));
    }

    /// <summary>Any other line in the thread (the run started, could not start, expired).</summary>
    public static SlackMessage Note(string mrkdwn, string plain) => new(plain, Blocks.List([Blocks.Section(mrkdwn)]));

    private static List<string> Fields(SlackApprovalView view) =>
    [
        "*Drill*\n" + SlackText.Escape(view.Drill),
        "*Request*\n" + SlackFormat.Code(view.ApprovalId),
        "*Requested by*\n" + SlackFormat.Who(view.RequesterSlackId, view.RequestedBy) + $" ({SlackText.Escape(view.Source)})",
        $"*Needs*\n{view.Required} of {SlackFormat.Approvers(view.Approvers)}",
    ];
}
