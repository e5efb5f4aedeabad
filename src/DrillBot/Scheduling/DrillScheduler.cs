using DrillBot.Drills.Definitions;
using DrillBot.Hosting;
using DrillBot.Logging;
using DrillBot.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace DrillBot.Scheduling;

/// <summary>
/// Quartz on DrillBot's own database (clustered on PostgreSQL, so each fire runs on exactly one
/// replica): one cron trigger per drill <c>schedule</c> in the drill's time zone, misfire instruction
/// DoNothing (a missed fire is recorded, not run late), the blackouts as a calendar on every trigger.
/// Reloaded configurations are synchronized: changed triggers replaced, removed drills unscheduled,
/// unchanged triggers left alone (so their misfire state survives restarts).
/// </summary>
internal sealed class DrillScheduler(
    ServiceSettings settings,
    ServiceHostOptions options,
    DrillsConfigState config,
    DrillJobFactory jobs,
    MissedFireListener missed,
    ILogger<DrillScheduler> logger) : IHostedService, IConfigChangeListener, IAsyncDisposable
{
    public const string Group = "drills";
    private readonly SemaphoreSlim syncing = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private StandaloneSchedulerFactory? factory;
    private IScheduler? scheduler;
    private Task starting = Task.CompletedTask;

    /// <summary>True once the scheduler runs (for <c>/readyz</c>).</summary>
    public bool IsRunning => scheduler?.Status == SchedulerStatus.Running;

    /// <summary>Why the scheduler did not start, or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>
    /// Starts Quartz in the background (schema check, trigger sync, start take a few hundred
    /// milliseconds): the listener and the other services start meanwhile; <c>/readyz</c> waits for it.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        starting = Task.Run(StartSchedulerAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task StartSchedulerAsync()
    {
        try
        {
            await StartQuartzAsync(stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // stopped before it started
        }
#pragma warning disable CA1031 // any start failure is reported through /readyz and the log instead of crashing the host
        catch (Exception e)
#pragma warning restore CA1031
        {
            Problem = e.Message;
            ServiceLog.SchedulerFailed(logger, e);
        }
    }

    private async Task StartQuartzAsync(CancellationToken cancellationToken)
    {
        factory = QuartzSchedulerBuilder.Create(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "drillbot";
                o.InstanceId = settings.InstanceId;
            });
            q.UseJobFactory(jobs);
            q.UseDefaultThreadPool(2);
            q.UsePersistentStore(store =>
            {
                if (settings.Store.Engine == StoreEngine.Postgres)
                {
                    store.UsePostgres(settings.Store.ConnectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = options.QuartzCheckinInterval;
                        c.CheckinMisfireThreshold = options.QuartzCheckinInterval * 3;
                    });
                }
                else
                {
                    store.UseSqlite(settings.Store.ConnectionString);
                }

                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(o =>
                {
                    o.SchemaProvisioning = SchemaProvisioning.CreateIfMissing;
                    o.MisfireThreshold = options.MisfireThreshold;
                });
            });
        }).Build();
        scheduler = await factory.GetScheduler(cancellationToken);
        scheduler.ListenerManager.AddTriggerListener(missed, [GroupMatcher<TriggerKey>.GroupEquals(Group)]);
        await SyncAsync(config.Current, cancellationToken);
        await scheduler.Start(cancellationToken);
        ServiceLog.SchedulerStarted(logger, settings.Store.Engine, settings.InstanceId);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await starting;
        if (scheduler is not null)
        {
            await scheduler.Shutdown(waitForJobsToComplete: false, cancellationToken);
        }
    }

    public async Task OnConfigChangedAsync(DrillsConfig changed, CancellationToken cancellationToken)
    {
        await starting;
        if (scheduler is not null)
        {
            await SyncAsync(changed, cancellationToken);
        }
    }

    /// <summary>The next fire time of a drill's trigger as Quartz has it (null: not scheduled or excluded for good).</summary>
    public async Task<DateTimeOffset?> NextFireAsync(string drill, CancellationToken cancellationToken)
    {
        await starting;
        return scheduler is null ? null : (await scheduler.GetTrigger(new TriggerKey(drill, Group), cancellationToken))?.NextFireTimeUtc;
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        syncing.Dispose();
        stopping.Dispose();
    }

    private async Task SyncAsync(DrillsConfig wanted, CancellationToken cancellationToken)
    {
        var quartz = scheduler ?? throw new InvalidOperationException("the scheduler is not started");
        await syncing.WaitAsync(cancellationToken);
        try
        {
            // replaced only when it changed: replacing moves every trigger on, which would hide a misfire from the listener
            if ((await quartz.GetCalendar(BlackoutCalendars.Name, cancellationToken))?.Description != BlackoutCalendars.Signature(wanted.Blackouts))
            {
                await quartz.AddCalendar(BlackoutCalendars.Name, BlackoutCalendars.Build(wanted.Blackouts), AddCalendarOptions.ReplacingAndUpdatingTriggers, cancellationToken);
            }

            var scheduled = wanted.Drills.Where(d => d.Schedule is not null).ToDictionary(d => d.Name, StringComparer.Ordinal);
            foreach (var drill in scheduled.Values)
            {
                var key = new TriggerKey(drill.Name, Group);
                if (await quartz.GetTrigger(key, cancellationToken) is ICronTrigger current && Same(current, drill))
                {
                    continue;
                }

                var job = JobBuilder.Create<DrillJob>().WithIdentity(drill.Name, Group).WithDescription(drill.Description ?? drill.Name).Build();
                var trigger = TriggerBuilder.Create()
                    .WithIdentity(key)
                    .ForJob(job)
                    .WithSchedule(CronScheduleBuilder.Create(drill.Schedule!).InTimeZone(drill.TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
                    .WithCalendarName(BlackoutCalendars.Name)
                    .WithMisfireThreshold(options.MisfireThreshold)
                    .Build();
                await quartz.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
                ServiceLog.DrillScheduled(logger, drill.Name, drill.Schedule!, drill.TimeZone.Id, trigger.NextFireTimeUtc);
            }

            var existing = await quartz.QueryTriggers(new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(Group), Take = PagedQuery.All }, cancellationToken);
            foreach (var stale in existing.Items.Where(t => !scheduled.ContainsKey(t.Key.Name)))
            {
                await quartz.DeleteJob(stale.JobKey, cancellationToken);
                ServiceLog.DrillUnscheduled(logger, stale.Key.Name);
            }
        }
        finally
        {
            syncing.Release();
        }
    }

    private bool Same(ICronTrigger current, DrillDefinition drill) =>
        current.CronExpressionString == drill.Schedule
        && current.TimeZone.Id == drill.TimeZone.Id
        && current.CalendarName == BlackoutCalendars.Name
        && current.MisfireThreshold == options.MisfireThreshold
        && current.MisfireInstruction == CronTriggerMisfireInstruction.DoNothing;
}
