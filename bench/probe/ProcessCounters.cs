using System.Diagnostics;

namespace DrillBot.Bench;

/// <summary>
/// What this process spent between two readings: CPU (user+system), bytes allocated on the managed heap, thread-pool
/// work items run, context switches (voluntary + involuntary, summed over the threads alive at both readings) and
/// garbage collections. Divided by the samples taken in between, these say where a prober's time goes.
/// </summary>
internal readonly record struct ProcessCounters(TimeSpan Cpu, long Allocated, long WorkItems, long ContextSwitches, int Gen0, int Gen2)
{
    public static ProcessCounters Read()
    {
        using var self = Process.GetCurrentProcess();
        return new ProcessCounters(self.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true), ThreadPool.CompletedWorkItemCount,
            ContextSwitchesOfThreads(), GC.CollectionCount(0), GC.CollectionCount(2));
    }

    public static ProcessCounters operator -(ProcessCounters a, ProcessCounters b) =>
        new(a.Cpu - b.Cpu, a.Allocated - b.Allocated, a.WorkItems - b.WorkItems, a.ContextSwitches - b.ContextSwitches, a.Gen0 - b.Gen0, a.Gen2 - b.Gen2);

    /// <summary>Resident set size now (VmRSS), in bytes; 0 where /proc is missing.</summary>
    public static long Rss() => StatusField("/proc/self/status", "VmRSS:") * 1024;

    /// <summary>Peak resident set size (VmHWM), in bytes.</summary>
    public static long PeakRss() => StatusField("/proc/self/status", "VmHWM:") * 1024;

    private static long ContextSwitchesOfThreads()
    {
        if (!Directory.Exists("/proc/self/task"))
        {
            return 0;
        }

        long sum = 0;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            sum += StatusField(Path.Combine(task, "status"), "voluntary_ctxt_switches:") + StatusField(Path.Combine(task, "status"), "nonvoluntary_ctxt_switches:");
        }

        return sum;
    }

    private static long StatusField(string file, string key)
    {
        try
        {
            foreach (var line in File.ReadLines(file))
            {
                if (line.StartsWith(key, StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(key.Length).Trim().ToString().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // the thread ended between listing and reading
        }

        return 0;
    }
}
