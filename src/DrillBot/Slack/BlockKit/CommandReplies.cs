using DrillBot.Slack.Commands;
using DrillBot.Slack.Handling;

namespace DrillBot.Slack.BlockKit;

/// <summary>Ephemeral answers to <c>/drill list|status|history|help</c>, usage errors and refusals.</summary>
public static class CommandReplies
{
    public const int MaxListed = 20;

    public static SlackMessage Help() => Simple(
        "DrillBot help",
        ":test_tube: *DrillBot* runs disaster-recovery drills and reports here.\n"
        + "• `/drill run NAME` start a drill · `/drill run NAME --dry-run` show its plan only\n"
        + "• `/drill list` drills and schedules · `/drill status` what is running\n"
        + "• `/drill abort [RUN]` abort a run (or the Abort button) · `/drill history [NAME]` recent runs\n"
        + "• `/drill run NAME --override-blackout REASON` run inside a blackout (asks you to confirm)\n"
        + "• `/drill freeze REASON` stop every running drill and refuse new ones · `/drill unfreeze` lift it\n"
        + "Starting, aborting and unfreezing is open to the users in `SLACK_ALLOWED_USERS`; freezing also to `SLACK_FREEZE_USERS` (default everyone); "
        + "drills with approvers start only once approved; the rest is open to everyone.");

    public static SlackMessage Usage(string problem) => Simple(
        "Sorry, I did not get that: " + problem,
        $":thinking_face: Sorry, I did not get that: {SlackText.Escape(problem)}.\nUsage: `{DrillCommandParser.Usage}`");

    public static SlackMessage NotAllowed(string action) => Simple(
        "Sorry, you are not allowed to " + action,
        $":lock: Sorry, you are not allowed to {SlackText.Escape(action)}. "
        + "Ask an admin to add your Slack user ID to `SLACK_ALLOWED_USERS`. You can still use `/drill list`, `status`, `history` and `help`.");

    public static SlackMessage Working() => Simple("Working on it…", ":hourglass_flowing_sand: Working on it…");

    public static SlackMessage AlreadyHandled() => Simple(
        "Already handled",
        ":repeat: Slack delivered this request again; it was already handled, so nothing new was started.");

    public static SlackMessage Failed() => Simple(
        "Something went wrong",
        ":warning: Something went wrong on DrillBot's side; nothing was started. The service log has the details.");

    public static SlackMessage DrillList(IReadOnlyList<SlackDrillInfo> drills)
    {
        if (drills.Count == 0)
        {
            return Simple("No drills configured", ":card_index_dividers: No drills are configured (drills.yaml is empty).");
        }

        var lines = drills.Take(MaxListed).Select(d =>
            $"• *{SlackText.Escape(d.Name)}*{(d.Running ? " :arrows_counterclockwise: running" : "")}"
            + (string.IsNullOrWhiteSpace(d.Schedule) ? " · manual only" : $" · `{SlackText.Escape(d.Schedule)}`")
            + (d.NextFireAt is { } next ? " · next " + SlackFormat.Date(next) : "")
            + (string.IsNullOrWhiteSpace(d.Description) ? "" : "\n    " + SlackText.Escape(d.Description)));
        return List($"{drills.Count} drill(s)", $":card_index_dividers: *Drills* ({drills.Count})", lines, drills.Count);
    }

    public static SlackMessage Status(IReadOnlyList<SlackRunView> active, SlackFreezeResult? freeze = null, IReadOnlyList<SlackApprovalView>? pending = null)
    {
        var frozen = freeze is { Frozen: true }
            ? $":octagonal_sign: *Frozen* by {SlackFormat.Who(freeze.By, freeze.By)}: {SlackText.Escape(freeze.Reason ?? "")}"
                + (freeze.Since is { } since ? " · since " + SlackFormat.Date(since) : "") + " · `/drill unfreeze` lifts it\n"
            : "";
        var waiting = pending is { Count: > 0 }
            ? ":raised_hand: Waiting for approval: " + string.Join(", ", pending.Take(MaxListed).Select(p => $"*{SlackText.Escape(p.Drill)}* {SlackFormat.Code(p.ApprovalId)} ({p.ApprovedBy.Count} of {p.Required})")) + "\n"
            : "";
        if (active.Count == 0)
        {
            return Simple(freeze is { Frozen: true } ? $"Frozen by {freeze.By}: {freeze.Reason}; no drill is running" : "No drill is running", frozen + waiting + ":zzz: No drill is running.");
        }

        var lines = active.Take(MaxListed).Select(r =>
            $"• :arrows_counterclockwise: *{SlackText.Escape(r.Drill)}* {SlackFormat.Code(r.RunId)}"
            + $" · phase *{SlackText.Escape(r.Phase ?? "starting")}* · by {SlackFormat.Who(r.SlackUserId, r.TriggeredBy)}"
            + (r.StartedAt is { } at ? " · since " + SlackFormat.Date(at) : ""));
        return List($"{active.Count} drill(s) running" + (freeze is { Frozen: true } ? $"; frozen by {freeze.By}" : ""), frozen + waiting + $":satellite: *Running* ({active.Count})", lines, active.Count);
    }

    public static SlackMessage History(IReadOnlyList<SlackRunView> runs, string? drill)
    {
        var scope = drill is null ? "" : " of " + SlackText.Escape(drill);
        if (runs.Count == 0)
        {
            return Simple("No runs yet", $":open_file_folder: No runs{scope} yet.");
        }

        var lines = runs.Take(MaxListed).Select(r =>
            $"• {SlackFormat.VerdictEmoji(r.Verdict)} {SlackFormat.Code(r.RunId)} *{SlackText.Escape(r.Drill)}* {SlackText.Escape(r.Verdict ?? "running")}"
            + (r.RecoverySeconds is { } s ? $" · recovery {SlackFormat.Seconds(s)}" : "")
            + (r.OverrideBlackout is { } o ? " · " + SlackFormat.Override(o) : "")
            + (r.StartedAt is { } at ? " · " + SlackFormat.Date(at) : "")
            + (r.ReportUrl is null ? "" : " · " + SlackFormat.Link(r.ReportUrl, "report")));
        return List($"Last {runs.Count} run(s){scope}", $":open_file_folder: *History{scope}*", lines, runs.Count);
    }

    internal static SlackMessage Simple(string fallback, string mrkdwn) =>
        new(fallback, Blocks.List([Blocks.Section(mrkdwn)]));

    private static SlackMessage List(string fallback, string title, IEnumerable<string> lines, int total)
    {
        var more = total > MaxListed ? $"\n…and {total - MaxListed} more" : "";
        var body = SlackText.JoinLines(lines, Blocks.SectionText - more.Length);
        return new SlackMessage(fallback, Blocks.List([Blocks.Section(title), Blocks.Section(body + more)]));
    }
}
