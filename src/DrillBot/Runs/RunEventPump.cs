using System.Threading.Channels;
using DrillBot.Drills.Running;
using DrillBot.Drills.Running.Events;
using DrillBot.Logging;
using Microsoft.Extensions.Logging;

namespace DrillBot.Runs;

/// <summary>
/// The engine calls observers synchronously; this observer hands every event but probe samples to
/// a queue that one task drains into the <see cref="IRunSink"/>s in order, so a slow store or Slack
/// never slows the run. Probe samples go only to the quick synchronous observers.
/// </summary>
internal sealed class RunEventPump : IDrillObserver
{
    private readonly Channel<DrillEvent> queue = Channel.CreateUnbounded<DrillEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IReadOnlyList<IRunSink> sinks;
    private readonly IReadOnlyList<IDrillObserver> quick;
    private readonly ILogger logger;
    private readonly Task draining;

    public RunEventPump(IReadOnlyList<IRunSink> sinks, IReadOnlyList<IDrillObserver> quick, ILogger logger)
    {
        this.sinks = sinks;
        this.quick = quick;
        this.logger = logger;
        draining = Task.Run(DrainAsync);
    }

    public void OnEvent(DrillEvent drillEvent)
    {
        foreach (var observer in quick)
        {
            observer.OnEvent(drillEvent);
        }

        if (drillEvent is not ProbeSampled)
        {
            queue.Writer.TryWrite(drillEvent);
        }
    }

    /// <summary>Queues an event raised by the service itself (abort requested, recovery detected).</summary>
    public void Post(DrillEvent drillEvent) => queue.Writer.TryWrite(drillEvent);

    /// <summary>No more events: completes once every queued event was handled.</summary>
    public Task CompleteAsync()
    {
        queue.Writer.TryComplete();
        return draining;
    }

    private async Task DrainAsync()
    {
        await foreach (var e in queue.Reader.ReadAllAsync())
        {
            foreach (var sink in sinks)
            {
                try
                {
                    await sink.HandleAsync(e, CancellationToken.None);
                }
#pragma warning disable CA1031 // one failing sink must not stop the others or the run; logged
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    ServiceLog.SinkFailed(logger, ex, sink.GetType().Name, e.GetType().Name);
                }
            }
        }
    }
}
