using DrillBot.Logging;
using Microsoft.Extensions.Logging;
using Quartz;

namespace DrillBot.Scheduling;

/// <summary>
/// Hears Quartz's misfires (the service was down, or too late by more than the misfire threshold).
/// With misfire instruction DoNothing the fire is not run late; every fire time the trigger missed
/// up to now is recorded as skipped (Quartz may call this before or after it moved the trigger on).
/// </summary>
internal sealed class MissedFireListener(SkippedFireRecorder recorder, TimeProvider time, ILogger<MissedFireListener> logger) : ITriggerListener
{
    private const int MaxRecordedPerMisfire = 100;

    public string Name => "drillbot-missed-fires";

    public ValueTask TriggerMisfired(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var missed = trigger.NextFireTimeUtc is { } next && next < now
            ? next
            : trigger.GetFireTimeAfter((trigger.PreviousFireTimeUtc ?? trigger.StartTimeUtc).AddMilliseconds(-1));
        ServiceLog.TriggerMisfired(logger, trigger.JobKey.Name, missed, trigger.NextFireTimeUtc);
        for (var i = 0; i < MaxRecordedPerMisfire && missed is { } at && at < now; i++)
        {
            if (at != trigger.PreviousFireTimeUtc)
            {
                recorder.Record(trigger.JobKey.Name, at, "missed: the scheduler was not running at the fire time (not run late)");
            }

            missed = trigger.GetFireTimeAfter(at);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask TriggerFired(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask<bool> VetoJobExecution(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);

    public ValueTask TriggerSkipped(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask TriggerComplete(ITrigger trigger, IJobExecutionContext context, SchedulerInstruction triggerInstructionCode, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;

    public ValueTask TriggerRetriesExhausted(ITrigger trigger, IJobExecutionContext context, JobExecutionException exception, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;
}
