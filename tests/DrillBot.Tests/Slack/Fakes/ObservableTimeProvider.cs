using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace DrillBot.Tests.Slack.Fakes;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports every timer created on it, so a test can wait until
/// code under test is really waiting (e.g. a Polly retry delay) before advancing the clock.
/// </summary>
public sealed class ObservableTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> created = Channel.CreateUnbounded<TimeSpan>();

    public ObservableTimeProvider()
        : base(new DateTimeOffset(2025, 6, 3, 3, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        created.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits (up to 10 s of real time) for a timer whose due time satisfies <paramref name="match"/>; returns that due time.</summary>
    public async Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> match)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var due = await created.Reader.ReadAsync(cts.Token);
            if (match(due))
            {
                return due;
            }
        }
    }
}
