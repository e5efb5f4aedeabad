using System.Globalization;
using DrillBot.Drills.Definitions;
using DrillBot.Scheduling;

namespace DrillBot.Bench.RecoveryAccuracy;

/// <summary>Loads the drills file the benchmark will run and prints reviews-failover's timings as key=value lines (for the doc).</summary>
internal static class DrillTimings
{
    public const string Drill = "reviews-failover";

    public static DrillDefinition? Load(string config, TextWriter errors)
    {
        var loaded = DrillsLoader.LoadFile(config, QuartzCronParser.Instance);
        if (!loaded.IsValid)
        {
            foreach (var problem in loaded.Problems)
            {
                errors.WriteLine(problem);
            }

            return null;
        }

        var drill = loaded.Config!.FindDrill(Drill);
        if (drill?.Expect.Recovery is null)
        {
            errors.WriteLine($"{config}: no drill {Drill} with expect.recovery");
            return null;
        }

        return drill;
    }

    public static int Print(string config)
    {
        if (Load(config, Console.Error) is not { } drill)
        {
            return 2;
        }

        // key=value lines for run.sh's session.env
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"interval_ms={drill.Probe.Interval.TotalMilliseconds:0.###}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"steady_ms={drill.SteadyState.Duration.TotalMilliseconds:0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"timings=probe.interval {S(drill.Probe.Interval)}, steadyState {S(drill.SteadyState.Duration)}, recovery.stableFor {S(drill.Expect.Recovery!.StableFor)}, observeFor {S(drill.ObserveFor)}, restore.verifyWithin {S(drill.Restore.VerifyWithin)}"));
        return 0;
    }

    private static string S(TimeSpan t) => t.TotalSeconds < 1
        ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalMilliseconds:0}ms")
        : string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.###}s");
}
