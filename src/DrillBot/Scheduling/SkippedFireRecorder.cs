using System.Threading.Channels;
using DrillBot.Logging;
using DrillBot.Metrics;
using DrillBot.Runs;
using DrillBot.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrillBot.Scheduling;

/// <summary>
/// Records schedule fires that did not run (missed while the service was down or busy, refused by a
/// blackout or a busy target): logged, stored (<c>drillbot_missed_fires</c>, once per fire across
/// replicas) and counted (<c>drillbot_schedule_missed_total</c>). Quartz's callbacks only queue
/// here: writing to the store inside Quartz's own database transaction could wait on itself.
/// </summary>
internal sealed class SkippedFireRecorder(IDrillBotStore store, DrillMetrics metrics, ILogger<SkippedFireRecorder> logger) : BackgroundService
{
    private readonly Channel<(string Drill, DateTimeOffset ScheduledAt, string Reason)> queue =
        Channel.CreateBounded<(string, DateTimeOffset, string)>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    /// <summary>Queues a skipped fire.</summary>
    public void Record(string drill, DateTimeOffset scheduledAt, string reason)
    {
        ServiceLog.FireSkipped(logger, drill, scheduledAt, reason);
        queue.Writer.TryWrite((drill, scheduledAt, reason));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (drill, scheduledAt, _) in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    if (await store.MissedFires.RecordAsync(drill, scheduledAt, stoppingToken))
                    {
                        metrics.MissedFire(drill);
                    }
                }
                catch (Exception e) when (StoreFailure.Is(e))
                {
                    ServiceLog.StoreUnavailable(logger, e, "record a skipped fire");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }
}
