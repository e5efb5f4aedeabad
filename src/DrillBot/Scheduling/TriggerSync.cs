using DrillBot.Drills.Definitions;
using DrillBot.Logging;
using Microsoft.Extensions.Logging;
using Quartz;

namespace DrillBot.Scheduling;

/// <summary>
/// Makes Quartz's triggers match drills.yaml: the blackout calendar, one cron trigger per scheduled
/// drill, stale drills unscheduled. What did not change is left alone: replacing the calendar or a
/// trigger moves triggers on, which would hide a misfire from the listener after downtime.
/// </summary>
internal sealed class TriggerSync(IScheduler quartz, TimeSpan misfireThreshold, ILogger logger)
{
    public async Task SyncAsync(DrillsConfig wanted, CancellationToken cancellationToken)
    {
        if ((await quartz.GetCalendar(BlackoutCalendars.Name, cancellationToken))?.Description != BlackoutCalendars.Signature(wanted.Blackouts))
        {
            await quartz.AddCalendar(BlackoutCalendars.Name, BlackoutCalendars.Build(wanted.Blackouts), AddCalendarOptions.ReplacingAndUpdatingTriggers, cancellationToken);
        }

        var scheduled = wanted.Drills.Where(d => d.Schedule is not null).ToDictionary(d => d.Name, StringComparer.Ordinal);
        foreach (var drill in scheduled.Values)
        {
            var key = new TriggerKey(drill.Name, DrillScheduler.Group);
            if (await quartz.GetTrigger(key, cancellationToken) is ICronTrigger current && Same(current, drill))
            {
                continue;
            }

            var job = JobBuilder.Create<DrillJob>().WithIdentity(drill.Name, DrillScheduler.Group).WithDescription(drill.Description ?? drill.Name).Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity(key)
                .ForJob(job)
                .WithSchedule(CronScheduleBuilder.Create(drill.Schedule!).InTimeZone(drill.TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
                .WithCalendarName(BlackoutCalendars.Name)
                .WithMisfireThreshold(misfireThreshold)
                .Build();
            await quartz.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
            var next = (await quartz.GetTrigger(key, cancellationToken))?.NextFireTimeUtc;
            ServiceLog.DrillScheduled(logger, drill.Name, drill.Schedule!, drill.TimeZone.Id, next);
        }

        var existing = await quartz.QueryTriggers(new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(DrillScheduler.Group), Take = PagedQuery.All }, cancellationToken);
        foreach (var stale in existing.Items.Where(t => !scheduled.ContainsKey(t.Key.Name)))
        {
            await quartz.DeleteJob(stale.JobKey, cancellationToken);
            ServiceLog.DrillUnscheduled(logger, stale.Key.Name);
        }
    }

    private bool Same(ICronTrigger current, DrillDefinition drill) =>
        current.CronExpressionString == drill.Schedule
        && current.TimeZone.Id == drill.TimeZone.Id
        && current.CalendarName == BlackoutCalendars.Name
        && current.MisfireThreshold == misfireThreshold
        && current.MisfireInstruction == CronTriggerMisfireInstruction.DoNothing;
}
