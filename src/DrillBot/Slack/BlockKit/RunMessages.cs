using System.Text.Json.Nodes;

namespace DrillBot.Slack.BlockKit;

/// <summary>
/// The messages of one run in <c>SLACK_CHANNEL</c>: the start message with an Abort button, one thread
/// line per progress event, and the final result that replaces the start message (button gone).
/// Pure functions of their inputs.
/// </summary>
public static class RunMessages
{
    public static SlackMessage Started(SlackRunView run)
    {
        var title = $":test_tube: Drill {run.Drill}{(run.DryRun ? " (dry run)" : "")} started";
        var blocks = Blocks.List(
        [
            Blocks.Header(title),
            Blocks.Fields(CommonFields(run)),
            string.IsNullOrWhiteSpace(run.Description) ? null : Blocks.Context(SlackText.Escape(run.Description)),
            Governance(run),
            Blocks.Actions(AbortButton(run)),
            Blocks.Context(":thread: Progress follows in the thread."),
        ]);
        return new SlackMessage($"Drill {run.Drill} started (run {run.RunId})" + (run.OverrideBlackout is { } o ? $" [blackout {o.Blackout} overridden by {o.By}: {o.Reason}]" : ""), blocks);
    }

    public static SlackMessage Progress(SlackProgressEvent progress, DateTimeOffset? startedAt)
    {
        var offset = startedAt is { } start ? $"`+{SlackFormat.Seconds((progress.At - start).TotalSeconds)}` " : "";
        var line = offset + ProgressLine(progress);
        var plain = $"{progress.Kind}{(progress.Detail is null ? "" : ": " + progress.Detail)}";
        return new SlackMessage(plain, Blocks.List([Blocks.Section(line)]));
    }

    public static SlackMessage Result(SlackRunView run)
    {
        var verdict = run.Verdict ?? "unknown";
        var title = $"{SlackFormat.VerdictEmoji(run.Verdict)} Drill {run.Drill} {verdict}";
        var fields = new List<string>(CommonFields(run))
        {
            "*Recovery*\n" + (run.RecoverySeconds is { } s
                ? $"{SlackFormat.Seconds(s)}{(run.ServedBy is null ? "" : " → " + SlackText.Escape(run.ServedBy))}"
                : "not recovered"),
            "*Shares*\n" + SlackFormat.Shares(run.Shares),
            $"*Restore*\n{SlackFormat.RestoreEmoji(run.RestoreStatus)} {SlackText.Escape(run.RestoreStatus ?? "unknown")}"
                + (run.FailbackSeconds is { } f ? $" (failback {SlackFormat.Seconds(f)})" : ""),
        };
        var reasons = run.Reasons.Count == 0
            ? null
            : Blocks.Section(SlackText.JoinLines(run.Reasons.Select(r => "• " + SlackText.Escape(r)), Blocks.SectionText));
        var proves = run.Proves.Count == 0
            ? null
            : Blocks.Section(SlackText.JoinLines(run.Proves.Select(p => p.StartsWith("Proved", StringComparison.Ordinal) ? ":white_check_mark: " + SlackText.Escape(p) : ":x: " + SlackText.Escape(p)), Blocks.SectionText));
        var intervals = run.Intervals.Count == 0
            ? null
            : Blocks.Section(SlackText.JoinLines(run.Intervals.Select(SlackText.Escape), Blocks.SectionText));
        var blocks = Blocks.List(
        [
            Blocks.Header(title),
            Governance(run),
            proves,
            Blocks.Fields(fields),
            intervals,
            reasons,
            Blocks.Context(SlackFormat.Link(run.ReportUrl, "Full report") + (run.FinishedAt is { } end ? " · finished " + SlackFormat.Date(end) : "")),
        ]);
        var plain = $"Drill {run.Drill} {verdict} (run {run.RunId})" + (run.Proves.Count == 0 ? "" : ": " + string.Join("; ", run.Proves))
            + (run.OverrideBlackout is { } o ? $" [blackout {o.Blackout} overridden by {o.By}: {o.Reason}]" : "");
        return new SlackMessage(plain, blocks);
    }

    /// <summary>The override and approval of a run, when it has them.</summary>
    private static System.Text.Json.Nodes.JsonObject? Governance(SlackRunView run)
    {
        var parts = new List<string>();
        if (run.OverrideBlackout is { } o)
        {
            parts.Add(SlackFormat.Override(o));
        }

        if (run.ApprovalId is { } approval)
        {
            parts.Add($":white_check_mark: approved under {SlackFormat.Code(approval)}");
        }

        return parts.Count == 0 ? null : Blocks.Context([.. parts]);
    }

    private static List<string> CommonFields(SlackRunView run) =>
    [
        "*Drill*\n" + SlackText.Escape(run.Drill),
        "*Run*\n" + SlackFormat.Code(run.RunId),
        "*Triggered by*\n" + SlackFormat.Who(run.SlackUserId, run.TriggeredBy),
        "*Trigger*\n" + SlackText.Escape(run.TriggerKind) + (run.StartedAt is { } at ? " · " + SlackFormat.Date(at) : ""),
    ];

    private static JsonObject AbortButton(SlackRunView run) =>
        Blocks.DangerButton(
            "Abort",
            SlackActionIds.Abort,
            run.RunId,
            Blocks.Confirm(
                "Abort this drill?",
                $"Run {SlackFormat.Code(run.RunId)} of *{SlackText.Escape(run.Drill)}* stops now and every changed object is restored.",
                "Abort",
                "Keep running"));

    private static string ProgressLine(SlackProgressEvent e) => e.Kind switch
    {
        SlackProgressKind.PhaseChanged => $":gear: Phase: *{SlackText.Escape(e.Detail ?? "?")}*",
        SlackProgressKind.FaultApplied => $":boom: Fault applied (t0){Suffix(e.Detail)}",
        SlackProgressKind.RecoveryDetected =>
            $":chart_with_upwards_trend: Recovery detected{(e.Seconds is { } s ? " after " + SlackFormat.Seconds(s) : "")}{(e.Detail is null ? "" : ", served by " + SlackText.Escape(e.Detail))}",
        SlackProgressKind.RestoreDone => $"{SlackFormat.RestoreEmoji(e.Detail)} Restore done: {SlackText.Escape(e.Detail ?? "unknown")}",
        SlackProgressKind.AbortRequested => $":octagonal_sign: Abort requested{(e.Detail is null ? "" : " by " + SlackFormat.Who(e.Detail, e.Detail))}",
        SlackProgressKind.Frozen => $":octagonal_sign: Stopping: {SlackText.Escape(e.Detail ?? "frozen")}; every changed object is being restored",
        _ => ":speech_balloon: " + SlackText.Escape(e.Detail ?? ""),
    };

    private static string Suffix(string? detail) => string.IsNullOrWhiteSpace(detail) ? "" : ": " + SlackText.Escape(detail);
}
