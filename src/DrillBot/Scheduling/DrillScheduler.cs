using DrillBot.Configuration;
using DrillBot.Drills.Definitions;
using DrillBot.Logging;
using DrillBot.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace DrillBot.Scheduling;

/// <summary>
/// Quartz on DrillBot's own database (clustered on PostgreSQL, so each fire runs on exactly one
/// replica): one cron trigger per drill <c>schedule</c> in the drill's time zone, misfire instruction
/// DoNothing (a missed fire is recorded, not run late), no calendar: every fire reaches <see cref="DrillJob"/>, and one
/// inside a blackout is refused there and recorded. Reloaded configurations are synchronized: changed triggers replaced,
/// removed drills unscheduled, unchanged triggers left alone (so their misfire state survives restarts).
/// </summary>
internal sealed class DrillScheduler(
    SchedulingOptions options,
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
        factory = QuartzFactory.Build(options, jobs);
        scheduler = await factory.GetScheduler(cancellationToken);
        scheduler.ListenerManager.AddTriggerListener(missed, [GroupMatcher<TriggerKey>.GroupEquals(Group)]);
        await SyncAsync(config.Current, cancellationToken);
        await scheduler.Start(cancellationToken);
        ServiceLog.SchedulerStarted(logger, options.Store.Engine, options.InstanceId);
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

    /// <summary>The next fire time of a drill's trigger as Quartz has it, inside a blackout or not (null: not scheduled, or no fire left).</summary>
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
            await new TriggerSync(quartz, options.MisfireThreshold, missed, logger).SyncAsync(wanted, cancellationToken);
        }
        finally
        {
            syncing.Release();
        }
    }
}
