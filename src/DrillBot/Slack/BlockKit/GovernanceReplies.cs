using DrillBot.Slack.Handling;

namespace DrillBot.Slack.BlockKit;

/// <summary>Ephemeral answers about overrides, approvals and the freeze.</summary>
public static class GovernanceReplies
{
    /// <summary>Asks the user to confirm running inside a blackout, with Confirm (only they may click it) and Cancel.</summary>
    public static SlackMessage ConfirmOverride(SlackOverrideCheck.Blackout blackout, string reason, string ticket, string expires) => new(
        $"Run {blackout.Drill} inside blackout {blackout.Window}? Confirm or cancel.",
        Blocks.List(
        [
            Blocks.Section(
                $":crescent_moon: *{SlackText.Escape(blackout.Drill)}* is inside blackout *{SlackText.Escape(blackout.Window)}* {SlackText.Escape(blackout.UntilText)}.\n"
                + $"Run it anyway, with this reason on record (report, Slack, history, audit log)?\n>{SlackText.Escape(reason)}"),
            Blocks.Actions(
                Blocks.Button(
                    "Confirm override",
                    SlackActionIds.ConfirmOverride,
                    ticket,
                    "danger",
                    Blocks.Confirm("Run inside the blackout?", $"*{SlackText.Escape(blackout.Drill)}* starts now despite blackout *{SlackText.Escape(blackout.Window)}*.", "Run it", "Cancel")),
                Blocks.Button("Cancel", SlackActionIds.CancelOverride, ticket)),
            Blocks.Context($"Only you can confirm; this question expires at {SlackText.Escape(expires)}."),
        ]));

    public static SlackMessage NoBlackout(string drill) => CommandReplies.Simple(
        $"No blackout is in force for {drill}",
        $":information_source: No blackout is in force for *{SlackText.Escape(drill)}* now, so there is nothing to override; nothing was started. `/drill run {SlackText.Escape(drill)}` starts it.");

    public static SlackMessage OverrideCancelled(string drill) => CommandReplies.Simple(
        $"Cancelled: {drill} not started", $":x: Cancelled: *{SlackText.Escape(drill)}* was not started.");

    public static SlackMessage NotYourOverride(string ownerId) => CommandReplies.Simple(
        "Only the person who asked can confirm or cancel",
        $":lock: Only {SlackFormat.Who(ownerId, ownerId)}, who asked for this override, can confirm or cancel it. Nothing was started.");

    public static SlackMessage OverrideExpired(string drill) => CommandReplies.Simple(
        "This confirmation expired",
        $":hourglass: This confirmation expired; nothing was started. Ask again with `/drill run {SlackText.Escape(drill)} --override-blackout REASON`.");

    public static SlackMessage Decision(SlackDecisionResult result) => result switch
    {
        SlackDecisionResult.Recorded r => CommandReplies.Simple($"Approval recorded ({r.Approvals} of {r.Required})", $":white_check_mark: Your approval of *{SlackText.Escape(r.Drill)}* is recorded ({r.Approvals} of {r.Required})."),
        SlackDecisionResult.Approved { RunId: { } runId } a => CommandReplies.Simple($"Approved: {a.Drill} started (run {runId})", $":rocket: Approved: *{SlackText.Escape(a.Drill)}* started, run {SlackFormat.Code(runId)}."),
        SlackDecisionResult.Approved { Refusal: { } refusal } a => CommandReplies.Simple($"Approved, but {a.Drill} did not start: {refusal}", $":warning: Approved, but *{SlackText.Escape(a.Drill)}* did not start: {SlackText.Escape(refusal)}"),
        SlackDecisionResult.Approved a => CommandReplies.Simple($"Approved: {a.Drill}", $":white_check_mark: Approved: *{SlackText.Escape(a.Drill)}* may now be run through the API with this request's id."),
        SlackDecisionResult.Rejected r => CommandReplies.Simple($"Rejected: {r.Drill} will not run", $":no_entry_sign: Rejected: *{SlackText.Escape(r.Drill)}* will not run under this request."),
        SlackDecisionResult.SelfApproval s => CommandReplies.Simple("You cannot approve your own request", $":lock: You asked for this run of *{SlackText.Escape(s.Drill)}*, so you cannot approve it: another approver must."),
        SlackDecisionResult.NotAnApprover n => CommandReplies.Simple(
            "You are not an approver of this drill",
            $":lock: You are not an approver of *{SlackText.Escape(n.Drill)}* (approvers: {SlackFormat.Approvers(n.Approvers)})." + (n.Problem is null ? "" : $" {SlackText.Escape(n.Problem)}.")),
        SlackDecisionResult.AlreadyDecided a => CommandReplies.Simple("You decided already", $":repeat: You already decided on this request for *{SlackText.Escape(a.Drill)}*."),
        SlackDecisionResult.Closed c => CommandReplies.Simple($"This request is {c.Status}", $":hourglass: This request for *{SlackText.Escape(c.Drill)}* is {SlackText.Escape(c.Status)}; nothing changed."),
        SlackDecisionResult.NotFound n => CommandReplies.Simple($"No request {n.ApprovalId}", $":mag: There is no approval request {SlackFormat.Code(n.ApprovalId)}."),
        _ => CommandReplies.Failed(),
    };

    public static SlackMessage Freeze(SlackFreezeResult result) => result switch
    {
        { Changed: true, Frozen: true } => CommandReplies.Simple(
            "DrillBot is frozen",
            $":octagonal_sign: *Frozen.* {(result.Stopping.Count == 0 ? "No drill was running." : $"Stopping {result.Stopping.Count} running drill(s): {string.Join(", ", result.Stopping.Select(SlackFormat.Code))}; each restores and reports.")} Nothing starts until `/drill unfreeze`."),
        { Frozen: true } => CommandReplies.Simple(
            "DrillBot is frozen already",
            $":octagonal_sign: DrillBot is frozen already, by {SlackFormat.Who(result.By, result.By)}: {SlackText.Escape(result.Reason ?? "")}."),
        { Changed: true } => CommandReplies.Simple("Unfrozen", ":large_green_circle: *Unfrozen.* Drills may start again (schedules resume with their next fire)."),
        _ => CommandReplies.Simple("Not frozen", ":information_source: DrillBot is not frozen; nothing to lift."),
    };

    /// <summary>The freeze announced in the run channel.</summary>
    public static SlackMessage FreezeAnnouncement(SlackFreezeResult result) => result.Frozen
        ? new SlackMessage(
            $"DrillBot frozen by {result.By}: {result.Reason}",
            Blocks.List(
            [
                Blocks.Header(":octagonal_sign: DrillBot is frozen"),
                Blocks.Section($"Frozen by {SlackFormat.Who(result.By, result.By)}: {SlackText.Escape(result.Reason ?? "")}"
                    + (result.Stopping.Count == 0 ? "" : $"\nStopping {string.Join(", ", result.Stopping.Select(SlackFormat.Code))}: each restores and reports `aborted: frozen by …`.")),
                Blocks.Context("No drill starts, scheduled or manual, until `/drill unfreeze`."),
            ]))
        : new SlackMessage(
            $"DrillBot unfrozen by {result.By}",
            Blocks.List([Blocks.Section($":large_green_circle: *Unfrozen* by {SlackFormat.Who(result.By, result.By)}: drills may start again.")]));
}
