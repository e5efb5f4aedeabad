using DrillBot.Configuration;
using DrillBot.Drills.Scheduling;
using DrillBot.Logging;
using Microsoft.Extensions.Logging;
using Quartz;

namespace DrillBot.Scheduling;

/// <summary>
/// Hears Quartz's misfires (the service was down, or too late by more than the misfire threshold).
/// With misfire instruction DoNothing the fire is not run late; every fire time the trigger missed
/// up to now is recorded as skipped (Quartz may call this before or after it moved the trigger on), a fire time inside a
/// blackout with that blackout as its reason (it would not have run anyway).
/// </summary>
internal sealed class MissedFireListener(SkippedFireRecorder recorder, DrillsConfigState config, TimeProvider time, ILogger<MissedFireListener> logger) : ITriggerListener
{
    private const int MaxRecordedPerMisfire = 100;

    public string Name => "drillbot-missed-fires";

    public ValueTask TriggerMisfired(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default)
    {
        RecordMissed(trigger, time.GetUtcNow());
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// For a trigger about to be replaced: when its next fire is overdue by more than <paramref name="threshold"/> (the
    /// scheduler was down at it), records what it missed up to now, as a misfire would have.
    /// </summary>
    public void RecordOverdue(ITrigger trigger, TimeSpan threshold)
    {
        var now = time.GetUtcNow();
        if (trigger.NextFireTimeUtc is { } next && next < now - threshold)
        {
            RecordMissed(trigger, now);
        }
    }

    private void RecordMissed(ITrigger trigger, DateTimeOffset now)
    {
        var missed = trigger.NextFireTimeUtc is { } next && next < now
            ? next
            : trigger.GetFireTimeAfter((trigger.PreviousFireTimeUtc ?? trigger.StartTimeUtc).AddMilliseconds(-1));
        ServiceLog.TriggerMisfired(logger, trigger.JobKey.Name, missed, trigger.NextFireTimeUtc);
        for (var i = 0; i < MaxRecordedPerMisfire && missed is { } at && at < now; i++)
        {
            if (at != trigger.PreviousFireTimeUtc)
            {
                recorder.Record(trigger.JobKey.Name, at, Reason(at));
            }

            missed = trigger.GetFireTimeAfter(at);
        }
    }

    private string Reason(DateTimeOffset at) =>
        ActiveBlackout.At(config.Current.Blackouts, at) is { } blackout
            ? $"blackout {blackout.Window.Name} (and the scheduler was not running at the fire time)"
            : "missed: the scheduler was not running at the fire time (not run late)";

    public ValueTask TriggerFired(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask<bool> VetoJobExecution(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);

    public ValueTask TriggerSkipped(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask TriggerComplete(ITrigger trigger, IJobExecutionContext context, SchedulerInstruction triggerInstructionCode, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;

    public ValueTask TriggerRetriesExhausted(ITrigger trigger, IJobExecutionContext context, JobExecutionException exception, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;
}
