using DrillBot.Drills.Probing;

namespace DrillBot.Drills.Tests.Probing;

/// <summary>Answers after a fake-time latency with a fixed response; counts concurrent requests.</summary>
internal sealed class FakeTransport(TimeProvider time, TimeSpan latency, ProbeResponse response) : IProbeTransport
{
    private int _inFlight;
    private int _maxInFlight;

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public async Task<ProbeResponse> SendAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxInFlight, now);
        try
        {
            if (latency >= timeout)
            {
                await Task.Delay(timeout, time, cancellationToken);
                return ProbeResponse.Error("timeout");
            }

            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, time, cancellationToken);
            }

            return response;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
