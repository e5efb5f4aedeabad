using DrillBot.Drills.Definitions;

namespace DrillBot.Drills.Probing;

/// <summary>
/// Sends the prober's requests and hands each answer on (releasing its in-flight slot afterwards): on
/// <see cref="ProbeSenders"/> threads when the transport can send blocking, else as awaited tasks. Never throws out of a
/// request: a transport's network exception is a <c>connection</c> error; anything else (a failing sample handler) is
/// kept and rethrown by <see cref="DrainAsync"/>, after every request in flight has ended.
/// </summary>
internal sealed class ProbeDispatch
{
    private readonly IProbeTransport _transport;
    private readonly ProbeDefinition _probe;
    private readonly SemaphoreSlim _slots;
    private readonly Action<ProbeJob, ProbeResponse> _answered;
    private readonly ProbeSenders? _senders;
    private readonly List<Task> _inFlight = [];
    private Exception? _failure;

    public ProbeDispatch(IProbeTransport transport, ProbeDefinition probe, SemaphoreSlim slots, Action<ProbeJob, ProbeResponse> answered)
    {
        (_transport, _probe, _slots, _answered) = (transport, probe, slots, answered);
        if (transport is IBlockingProbeTransport blocking)
        {
            _senders = new ProbeSenders(probe.MaxInFlight, job => Answer(job, () => blocking.Send(probe.Url, probe.Timeout)));
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

    private async Task SendAsync(ProbeJob job)
    {
        await Task.Yield(); // the schedule goes on at once
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
