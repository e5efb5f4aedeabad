using DrillBot.Slack.Handling;

namespace DrillBot.Slack.BlockKit;

/// <summary>Ephemeral answers to <c>/drill run</c> and <c>/drill abort</c> (and the Abort button).</summary>
public static class OutcomeReplies
{
    public static SlackMessage Start(SlackStartResult result, string drill, string? channelId) => result switch
    {
        SlackStartResult.Started s => CommandReplies.Simple(
            $"Started {drill} (run {s.RunId})",
            $":rocket: Started *{SlackText.Escape(drill)}*, run {SlackFormat.Code(s.RunId)}."
            + (string.IsNullOrWhiteSpace(channelId) ? "" : $" Follow it in <#{SlackText.Escape(channelId)}>.")),
        SlackStartResult.Planned p => CommandReplies.Simple(
            $"Plan of {drill}",
            $":clipboard: Dry run of *{SlackText.Escape(drill)}*, nothing was changed:\n```{SlackText.Truncate(SlackText.Escape(p.PlanText).Replace("```", "'''", StringComparison.Ordinal), Blocks.SectionText - 200)}```"),
        SlackStartResult.Busy b => CommandReplies.Simple(
            $"Busy: {b.RunningDrill} is running",
            $":no_entry: Not started: *{SlackText.Escape(b.RunningDrill)}* is running"
            + (b.RunId is null ? "" : $" (run {SlackFormat.Code(b.RunId)})") + ". One drill at a time per target; try again when it has finished."),
        SlackStartResult.Blackout w => CommandReplies.Simple(
            $"refused: blackout {w.Window} {w.UntilText ?? ""}; to run anyway: /drill run {drill} --override-blackout REASON",
            $":crescent_moon: Not started: blackout *{SlackText.Escape(w.Window)}* is active "
            + (w.UntilText is { } text ? SlackText.Escape(text) : w.Until is { } until ? "until " + SlackFormat.Date(until) : "with no end")
            + $". To run anyway (the reason is recorded): `/drill run {SlackText.Escape(drill)} --override-blackout REASON`"),
        SlackStartResult.Frozen f => CommandReplies.Simple(
            $"Not started: DrillBot is frozen by {f.By}: {f.Reason}",
            $":octagonal_sign: Not started: DrillBot is frozen by {SlackFormat.Who(f.By, f.By)}: {SlackText.Escape(f.Reason)}"
            + (f.Since is { } since ? " (since " + SlackFormat.Date(since) + ")" : "") + ". Nothing starts until `/drill unfreeze`."),
        SlackStartResult.ApprovalRequested a => CommandReplies.Simple(
            $"Approval requested ({a.ApprovalId}) for {drill}",
            $":raised_hand: *{SlackText.Escape(drill)}* needs approval by {a.Required} of {SlackFormat.Approvers(a.Approvers)}. Request {SlackFormat.Code(a.ApprovalId)} is posted"
            + (string.IsNullOrWhiteSpace(channelId) ? "" : $" in <#{SlackText.Escape(channelId)}>")
            + $"; the run starts when it is approved (expires {SlackFormat.Date(a.ExpiresAt)})."),
        SlackStartResult.UnknownDrill u => CommandReplies.Simple(
            $"Unknown drill {u.Drill}",
            $":mag: There is no drill *{SlackText.Escape(u.Drill)}*."
            + (u.Known.Count == 0 ? "" : " Known drills: " + string.Join(", ", u.Known.Take(20).Select(SlackFormat.Code)) + ".")),
        SlackStartResult.Refused r => CommandReplies.Simple(
            $"Not started: {r.Reason}",
            $":no_entry: Not started: {SlackText.Escape(r.Reason)}"),
        _ => CommandReplies.Failed(),
    };

    public static SlackMessage Abort(SlackAbortResult result, string? requestedById) => result switch
    {
        SlackAbortResult.Aborting a => CommandReplies.Simple(
            $"Aborting run {a.RunId}",
            $":octagonal_sign: Aborting *{SlackText.Escape(a.Drill)}* run {SlackFormat.Code(a.RunId)}"
            + (requestedById is null ? "" : " for " + SlackFormat.Who(requestedById, requestedById))
            + "; every changed object is being restored. The result will appear in the run's message."),
        SlackAbortResult.NotFound n => CommandReplies.Simple(
            $"No run {n.RunId}", $":mag: There is no run {SlackFormat.Code(n.RunId)}. `/drill status` shows what is running."),
        SlackAbortResult.AlreadyFinished f => CommandReplies.Simple(
            $"Run {f.RunId} already finished",
            $":checkered_flag: Run {SlackFormat.Code(f.RunId)} has already finished ({SlackText.Escape(f.Verdict)}); nothing to abort."),
        SlackAbortResult.NothingRunning => CommandReplies.Simple("Nothing is running", ":zzz: No drill is running; nothing to abort."),
        SlackAbortResult.Ambiguous m => CommandReplies.Simple(
            "Several runs are active",
            ":point_right: Several runs are active; name one: "
            + string.Join(", ", m.RunIds.Take(20).Select(id => $"`/drill abort {SlackText.Escape(id)}`")) + "."),
        _ => CommandReplies.Failed(),
    };
}
