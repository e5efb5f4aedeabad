using DrillBot.Drills.Definitions;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Running;
using DrillBot.Runs;
using DrillBot.Slack.BlockKit;
using DrillBot.Slack.Outbox;

namespace DrillBot.Slack.Service;

/// <summary>Runs in the Slack channel: a <see cref="SlackSink"/> per started run, and the result of runs restored after their replica died.</summary>
internal sealed class SlackRunSinks(SlackOutbox outbox, ReportLinks links, TimeProvider time) : IRunSinkSource, IResumedRunSink
{
    public IRunSink Create(DrillDefinition drill, RunRequest request, string runId) => new SlackSink(outbox, View(drill, request, runId));

    /// <summary>The run's message before any result.</summary>
    public SlackRunView View(DrillDefinition drill, RunRequest request, string runId) => new()
    {
        Drill = drill.Name,
        RunId = runId,
        Description = drill.Description,
        TriggerKind = request.Trigger.Kind.WireName(),
        TriggeredBy = request.Trigger.By,
        SlackUserId = request.SlackUserId,
        StartedAt = time.GetUtcNow(),
        ReportUrl = links.For(runId, request.LinkBase),
        OverrideBlackout = request.OverriddenBlackout is { } blackout ? new SlackOverrideView(blackout, request.Trigger.OverrideBlackoutReason ?? "", request.Trigger.By) : null,
        ApprovalId = request.ApprovalId,
    };

    /// <summary>The run's message is posted if it never was, then replaced by the result.</summary>
    public async Task ReportAsync(DrillReport report, CancellationToken cancellationToken)
    {
        var started = new SlackRunView
        {
            Drill = report.Drill,
            RunId = report.RunId,
            Description = report.Description,
            TriggerKind = report.Trigger.Kind.WireName(),
            TriggeredBy = report.Trigger.By,
            StartedAt = report.StartedAt,
            ReportUrl = links.For(report.RunId),
            OverrideBlackout = report.Trigger.OverrideBlackout is { } o ? new SlackOverrideView(o.Blackout, o.Reason, o.By) : null,
        };
        await outbox.RunStartedAsync(started, cancellationToken); // no-op when the run's message exists already
        await outbox.RunFinishedAsync(SlackSink.Result(started, report), cancellationToken);
    }
}
