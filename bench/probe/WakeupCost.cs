using System.Diagnostics;
using System.Globalization;

namespace DrillBot.Bench;

/// <summary>
/// What one wake-up costs on this machine: a thread that does nothing but wait 10 ms on an event, 500 times; the
/// process's CPU divided by the wake-ups. The floor under any prober's cost per sample (it wakes at least twice per
/// sample: for the slot and for the answer).
/// </summary>
internal static class WakeupCost
{
    public static int Run()
    {
        for (var round = 1; round <= 3; round++)
        {
            var cost = TimeSpan.Zero;
            var thread = new Thread(() =>
            {
                using var never = new ManualResetEventSlim(false, spinCount: 0);
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                for (var i = 0; i < 500; i++)
                {
                    never.Wait(10);
                }

                cost = Process.GetCurrentProcess().TotalProcessorTime - before;
            });
            thread.Start();
            thread.Join();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: {cost.TotalMilliseconds / 500 * 1000:0} µs of CPU per timed wake-up (500 waits of 10 ms; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]})"));
        }

        return 0;
    }
}
