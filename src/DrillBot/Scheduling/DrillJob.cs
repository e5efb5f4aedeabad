using DrillBot.Drills.Running;
using DrillBot.Logging;
using DrillBot.Runs;
using Microsoft.Extensions.Logging;
using Quartz;

namespace DrillBot.Scheduling;

/// <summary>
/// A schedule fire: asks the <see cref="RunCoordinator"/> to start the drill (blackouts, at the fire time and now, and
/// busy targets are checked there, as for manual runs) and returns at once; the run goes on without it. Every fire of a
/// trigger gets here (the triggers carry no blackout calendar), so a fire inside a blackout is refused and recorded.
/// A fire that could not start is recorded as a skipped fire, never queued; a fire that started is logged with its
/// scheduled time and run id, so every fire of every replica can be accounted for.
/// </summary>
internal sealed class DrillJob(RunCoordinator coordinator, SkippedFireRecorder skipped, ILogger<DrillJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var drill = context.JobDetail.Key.Name;
        var scheduledAt = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        StartOutcome outcome;
        try
        {
            outcome = await coordinator.StartAsync(new RunRequest(drill, new RunTrigger(TriggerKind.Schedule, "quartz")) { ScheduledAt = scheduledAt }, cancellationToken);
        }
        catch (Exception e) when (StoreFailure.Is(e))
        {
            outcome = new StartOutcome.Refused($"the store failed: {e.Message}");
        }

        if (outcome is StartOutcome.Started started)
        {
            ServiceLog.FireStarted(logger, drill, scheduledAt, started.RunId);
        }
        else
        {
            skipped.Record(drill, scheduledAt, Reason(outcome));
        }
    }

    private static string Reason(StartOutcome outcome) => outcome switch
    {
        StartOutcome.Busy b => $"busy: {b.Detail}",
        StartOutcome.Blackout w => $"blackout {w.Window}",
        StartOutcome.UnknownDrill u => $"drill {u.Drill} is no longer configured",
        StartOutcome.Refused r => r.Reason,
        _ => Governance.Audit.RunAudit.Describe(outcome), // frozen by …, needs approval: …
    };
}
