using DrillBot.Drills.Definitions;

namespace DrillBot.Drills.Probing;

/// <summary>
/// Sends the prober's requests and hands each answer on (releasing its in-flight slot afterwards): on
/// <see cref="ProbeSenders"/> threads when the transport can send blocking, else as awaited tasks. Never throws out of a
/// request: a transport's network exception is a <c>connection</c> error; anything else (a failing sample handler) is
/// kept and rethrown by <see cref="DrainAsync"/>, after every request in flight has ended.
/// </summary>
/// <remarks>
/// A sender thread stamps its request's send time just before sending (the schedule's stamp is taken before the handoff,
/// and on a loaded machine a woken thread may run tens of milliseconds later: a send time that early would date an
/// answer before the moment the server routed it). Stamps are taken in sequence order (a sender whose predecessor has
/// not stamped yet waits for it, which only happens when answers overlap), so send times still rise with sequence
/// numbers, as the run's sample log relies on.
/// </remarks>
internal sealed class ProbeDispatch
{
    private readonly IProbeTransport _transport;
    private readonly ProbeDefinition _probe;
    private readonly SemaphoreSlim _slots;
    private readonly Action<ProbeJob, ProbeResponse> _answered;
    private readonly ProbeSenders? _senders;
    private readonly List<Task> _inFlight = [];
    private readonly object _stampGate = new(); // Monitor.Wait/Pulse need a Monitor, not a System.Threading.Lock
    private long _nextToStamp;
    private Exception? _failure;

    public ProbeDispatch(IProbeTransport transport, ProbeDefinition probe, SemaphoreSlim slots, Action<ProbeJob, ProbeResponse> answered, Func<ProbeJob, ProbeJob> stamp)
    {
        (_transport, _probe, _slots, _answered) = (transport, probe, slots, answered);
        if (transport is IBlockingProbeTransport blocking)
        {
            _senders = new ProbeSenders(probe.MaxInFlight, job =>
            {
                var stamped = StampInOrder(job, stamp);
                Answer(stamped, () => blocking.Send(probe.Url, probe.Timeout));
            });
        }
    }

    public void Send(ProbeJob job)
    {
        if (_senders is not null)
        {
            _senders.Post(job);
            return;
        }

        _inFlight.Add(SendAsync(job));
        if (_inFlight.Count > 4 * _probe.MaxInFlight)
        {
            _inFlight.RemoveAll(t => t.IsCompleted);
        }
    }

    /// <summary>Waits for every request in flight, ends the sender threads, and rethrows the first failure.</summary>
    public async Task DrainAsync()
    {
        if (_senders is not null)
        {
            _senders.WaitIdle();
            _senders.Dispose();
        }

        await Task.WhenAll(_inFlight);
        if (_failure is { } failure)
        {
            throw failure;
        }
    }

    private ProbeJob StampInOrder(ProbeJob job, Func<ProbeJob, ProbeJob> stamp)
    {
        lock (_stampGate)
        {
            while (_nextToStamp != job.Sequence)
            {
                Monitor.Wait(_stampGate);
            }

            var stamped = stamp(job);
            _nextToStamp++;
            Monitor.PulseAll(_stampGate);
            return stamped;
        }
    }

    private async Task SendAsync(ProbeJob job)
    {
        // no Task.Yield first: on the system clock this runs on the schedule's own thread, and a yield would queue every
        // request to the thread pool, whose few threads a busy process may not free for a second; a transport whose task
        // completes at once is answered inline, any other continues when its answer arrives
        ProbeResponse response;
        try
        {
            response = await _transport.SendAsync(_probe.Url, _probe.Timeout, CancellationToken.None);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
        {
            response = ProbeResponse.Error("connection");
        }

        Answer(job, () => response);
    }

    private void Answer(ProbeJob job, Func<ProbeResponse> send)
    {
        try
        {
            ProbeResponse response;
            try
            {
                response = send();
            }
            catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
            {
                response = ProbeResponse.Error("connection");
            }

            _answered(job, response);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Interlocked.CompareExchange(ref _failure, e, null);
        }
        finally
        {
            _slots.Release();
        }
    }
}
