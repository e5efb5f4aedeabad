using System.Globalization;
using DrillBot.Drills.Analysis;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Drills.Running.Events;
using DrillBot.Runs;
using DrillBot.Runs.Events;
using DrillBot.Slack.BlockKit;
using DrillBot.Slack.Outbox;

namespace DrillBot.Slack.Service;

/// <summary>
/// A run in the Slack channel, through the outbox: the start message with the Abort button, numbered
/// progress lines in its thread (phases, steps, t0, recovery, abort, restore), and the result that
/// replaces the start message.
/// </summary>
internal sealed class SlackSink(SlackOutbox outbox, SlackRunView view) : IRunSink
{
    private readonly List<RestoreItemResult> restored = [];
    private SlackRunView started = view;
    private int sequence;
    private bool restoreAnnounced;

    public async Task HandleAsync(DrillEvent drillEvent, CancellationToken cancellationToken)
    {
        switch (drillEvent)
        {
            case RunStarted run:
                started = started with { StartedAt = run.At };
                await outbox.RunStartedAsync(started, cancellationToken);
                break;
            case PhaseChanged { Phase: RunPhase.Pending or RunPhase.Finished }:
                break;
            case PhaseChanged phase:
                await AnnounceRestoreAsync(phase.At, cancellationToken);
                await ProgressAsync(new SlackProgressEvent(SlackProgressKind.PhaseChanged, phase.At, PhaseName(phase.Phase)), cancellationToken);
                break;
            case StepApplied { Fault: true } fault:
                await ProgressAsync(new SlackProgressEvent(SlackProgressKind.FaultApplied, fault.At, fault.Description), cancellationToken);
                break;
            case StepApplied step:
                await ProgressAsync(new SlackProgressEvent(SlackProgressKind.Note, step.At, $"Step {step.Index + 1} ({step.Kind}): {step.Description}"), cancellationToken);
                break;
            case RecoveryDetected recovery:
                await ProgressAsync(new SlackProgressEvent(SlackProgressKind.RecoveryDetected, recovery.At, recovery.ServedBy, recovery.Seconds), cancellationToken);
                break;
            case AbortRequested { Reason: { } reason } frozen:
                await ProgressAsync(new SlackProgressEvent(SlackProgressKind.Frozen, frozen.At, reason), cancellationToken);
                break;
            case AbortRequested abort:
                await ProgressAsync(new SlackProgressEvent(SlackProgressKind.AbortRequested, abort.At, abort.By), cancellationToken);
                break;
            case RestoreItemDone item:
                restored.Add(item.Item);
                break;
            case RunFinished finished:
                await AnnounceRestoreAsync(finished.At, cancellationToken);
                await outbox.RunFinishedAsync(Result(started, finished.Report), cancellationToken);
                break;
        }
    }

    /// <summary>The result view of a finished run.</summary>
    public static SlackRunView Result(SlackRunView started, DrillReport report) => started with
    {
        Verdict = report.Verdict.WireName(),
        FinishedAt = report.FinishedAt,
        RecoverySeconds = report.Recovery?.Seconds,
        ServedBy = report.Recovery?.ServedBy,
        Shares = report.Probes.Shares,
        RestoreStatus = report.Restore.Status.WireName(),
        FailbackSeconds = report.Restore.FailbackSeconds,
        Reasons = report.Reasons,
        Proves = ProofLines.Of(report.Proves),
        Intervals = report.Checks.Where(c => c.Interval is not null).Select(IntervalLine).ToList(),
    };

    /// <summary><c>share.cn-shanghai >= 0.95: [0.9631, 1.0000] at 95 % (100/100), passed</c>.</summary>
    public static string IntervalLine(CheckResult check)
    {
        var ci = check.Interval!;
        return string.Create(CultureInfo.InvariantCulture, $"{check.Name} {check.Expected}: [{ci.Low:0.0000}, {ci.High:0.0000}] at {ci.Confidence * 100:0.##} % ({ci.Hits}/{ci.Samples}), {check.Result}");
    }

    private async Task AnnounceRestoreAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (restored.Count == 0 || restoreAnnounced)
        {
            return;
        }

        restoreAnnounced = true;
        var status = RestoreResult.StatusOf(restored).WireName();
        await ProgressAsync(new SlackProgressEvent(SlackProgressKind.RestoreDone, at, status), cancellationToken);
    }

    private async Task ProgressAsync(SlackProgressEvent progress, CancellationToken cancellationToken)
    {
        // numbered without gaps: a line that could not be enqueued does not use up its number
        var next = sequence + 1;
        await outbox.RunProgressAsync(started.RunId, next, progress, started.StartedAt, cancellationToken);
        sequence = next;
    }

    private static string PhaseName(RunPhase phase) => phase switch
    {
        RunPhase.SteadyState => "steady state",
        _ => phase.WireName(),
    };
}
