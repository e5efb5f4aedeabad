using DrillBot.Drills.Definitions;
using DrillBot.Logging;
using Microsoft.Extensions.Logging;
using Quartz;

namespace DrillBot.Scheduling;

/// <summary>
/// Makes Quartz's triggers match drills.yaml: one cron trigger per scheduled drill, without a calendar (a fire inside a
/// blackout reaches <see cref="DrillJob"/>, which the coordinator refuses, so it is recorded and counted), stale drills
/// unscheduled. What did not change is left alone: replacing a trigger moves it on, which would hide a misfire from the
/// listener after downtime. A trigger that is replaced (changed in drills.yaml, or one of an older DrillBot that carried
/// the blackout calendar: replaced once, and the calendar deleted) first has the fires it missed while no scheduler ran
/// recorded, as the listener would have: the new trigger starts from now and would hide them.
/// </summary>
internal sealed class TriggerSync(IScheduler quartz, TimeSpan misfireThreshold, MissedFireListener missed, ILogger logger)
{
    /// <summary>The Quartz calendar older DrillBots attached to every trigger (blackouts skipped there, unrecorded).</summary>
    public const string LegacyCalendar = "blackouts";

    public async Task SyncAsync(DrillsConfig wanted, CancellationToken cancellationToken)
    {
        var scheduled = wanted.Drills.Where(d => d.Schedule is not null).ToDictionary(d => d.Name, StringComparer.Ordinal);
        foreach (var drill in scheduled.Values)
        {
            var key = new TriggerKey(drill.Name, DrillScheduler.Group);
            var current = await quartz.GetTrigger(key, cancellationToken) as ICronTrigger;
            if (current is not null && Same(current, drill))
            {
                continue;
            }

            var job = JobBuilder.Create<DrillJob>().WithIdentity(drill.Name, DrillScheduler.Group).WithDescription(drill.Description ?? drill.Name).Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity(key)
                .ForJob(job)
                .WithSchedule(CronScheduleBuilder.Create(drill.Schedule!).InTimeZone(drill.TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
                .WithMisfireThreshold(misfireThreshold)
                .Build();
            if (current is not null)
            {
                missed.RecordOverdue(current, misfireThreshold); // the new trigger starts from now: what the old one missed is recorded here
            }

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

        if (await quartz.GetCalendar(LegacyCalendar, cancellationToken) is not null)
        {
            try
            {
                await quartz.DeleteCalendar(LegacyCalendar, cancellationToken);
            }
            catch (JobPersistenceException e)
            {
                ServiceLog.LegacyCalendarKept(logger, e.Message); // an older replica still refers to it; the next sync deletes it
            }
        }
    }

    private bool Same(ICronTrigger current, DrillDefinition drill) =>
        current.CronExpressionString == drill.Schedule
        && current.TimeZone.Id == drill.TimeZone.Id
        && current.CalendarName is null
        && current.MisfireThreshold == misfireThreshold
        && current.MisfireInstruction == CronTriggerMisfireInstruction.DoNothing;
}
