using System.Diagnostics;
using DrillBot.TestSupport.Processes;

namespace DrillBot.Bench.Reliability;

/// <summary>
/// Every kill point of reviews-failover, REPEAT times: SIGKILL, then `drillbot restore` at once (restored exactly?
/// wall time of the restore process = time from restart to verified restore); and SIGTERM (restored before exit?).
/// </summary>
internal static class KillBench
{
    private static readonly string[] Points = ["step-captured:1", "step-annotated:1", "step-applied:1", "step-captured:2", "step-applied:2", "observe", "restore-item:1"];

    public static async Task<int> RunAsync(Bench bench, int repeat)
    {
        Console.WriteLine($"| kill point | SIGKILL: restored by `drillbot restore` | restart → verified restore, median (max) s | SIGTERM: exit codes | SIGTERM: restored before exit | SIGTERM → exit, median s |");
        Console.WriteLine("|---|---|---|---|---|---|");
        int tried = 0, restored = 0;
        foreach (var point in Points)
        {
            var restoreTimes = new List<double>();
            var termTimes = new List<double>();
            var codes = new List<int>();
            int killOk = 0, termOk = 0;
            for (var i = 0; i < repeat; i++)
            {
                tried += 2;
                var (ok, took) = await KillAsync(bench, point);
                killOk += ok ? 1 : 0;
                restored += ok ? 1 : 0;
                restoreTimes.Add(took);
                var (termRestored, code, exitAfter) = await TerminateAsync(bench, point);
                termOk += termRestored ? 1 : 0;
                restored += termRestored ? 1 : 0;
                codes.Add(code);
                termTimes.Add(exitAfter);
            }

            Console.WriteLine($"| `{point}` | {killOk}/{repeat} | {Bench.Median(restoreTimes)} ({restoreTimes.Max():0.00}) | {string.Join(", ", codes.Distinct().Order())} | {termOk}/{repeat} | {Bench.Median(termTimes)} |");
        }

        Console.WriteLine();
        Console.WriteLine($"kill points x signals tried: {tried}, restored exactly: {restored}");
        return tried == restored ? 0 : 1;
    }

    private static async Task<(bool Restored, double Seconds)> KillAsync(Bench bench, string point)
    {
        await bench.WaitReadyAsync();
        var before = await bench.SnapshotAsync();
        using (var run = bench.Start(point, "run", "reviews-failover-runbook-order"))
        {
            if (!await PausedAsync(run, point))
            {
                Console.Error.WriteLine($"SIGKILL {point}: never paused: {run.Flat}");
                return (false, double.NaN);
            }

            run.Kill();
            await run.ExitCodeAsync(TimeSpan.FromMinutes(1));
        }

        var restore = await bench.RunAsync("restore");
        var after = await bench.SnapshotAsync();
        var ok = restore.Code == 0 && restore.Out.Contains("was interrupted: restore verified", StringComparison.Ordinal) && after == before;
        if (!ok)
        {
            Console.Error.WriteLine($"SIGKILL {point}: restore exit {restore.Code}, state equal {after == before}: {restore.Out}");
        }

        return (ok, restore.Took.TotalSeconds);
    }

    private static async Task<(bool Restored, int Code, double Seconds)> TerminateAsync(Bench bench, string point)
    {
        await bench.WaitReadyAsync();
        var before = await bench.SnapshotAsync();
        using var run = bench.Start(point, "run", "reviews-failover-runbook-order");
        if (!await PausedAsync(run, point))
        {
            Console.Error.WriteLine($"SIGTERM {point}: never paused: {run.Flat}");
            return (false, -1, double.NaN);
        }

        var clock = Stopwatch.StartNew();
        run.Terminate();
        var code = await run.ExitCodeAsync(TimeSpan.FromMinutes(2));
        var took = clock.Elapsed.TotalSeconds;
        var atExit = await bench.SnapshotAsync();
        var leftover = await bench.RunAsync("restore");
        var ok = code == 1 && atExit == before && leftover.Out.Contains("nothing to restore", StringComparison.Ordinal);
        if (!ok)
        {
            Console.Error.WriteLine($"SIGTERM {point}: exit {code}, state equal at exit {atExit == before}; restore said: {leftover.Out}");
        }

        return (ok, code, took);
    }

    /// <summary>The two kill points per step are the runbook order's (fault, then enableFailover), as in tests/DrillBot.Tests/Reliability/KillTests.cs.</summary>
    private static async Task<bool> PausedAsync(DrillbotProcess run, string point)
    {
        try
        {
            await run.PausedAtAsync(point);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
