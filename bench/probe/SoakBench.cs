using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace DrillBot.Bench;

/// <summary>
/// A long observation by the real executable: runs <c>drillbot run reviews-failover</c> (a drills file whose probe
/// interval and observeFor the caller chose) with <c>--report-json</c> and <c>--samples-file</c>, reads the process's
/// resident memory and CPU from /proc every 5 s into <c>soak.csv</c>, and prints the RSS growth from the start of
/// observation to the process's end, whether that growth is flat over the observation, and the report's size.
/// </summary>
internal static class SoakBench
{
    public static async Task<int> RunAsync(string drillbot, string drills, string outDir)
    {
        Directory.CreateDirectory(Path.Combine(outDir, "state"));
        var report = Path.Combine(outDir, "report.json");
        var samplesFile = Path.Combine(outDir, "samples.csv.gz");
        var start = new ProcessStartInfo(drillbot) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.Combine(outDir, "state") };
        foreach (var a in new[] { "run", "reviews-failover", "--config", Path.GetFullPath(drills), "--report-json", Path.GetFullPath(report), "--samples-file", Path.GetFullPath(samplesFile) })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var phase = "start";
        var observeAt = (Seconds: double.NaN, Rss: 0L);
        var clock = Stopwatch.StartNew();
        var rows = new List<(double T, string Phase, long Rss, long Hwm, double Cpu)>();
        var reading = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                Console.WriteLine(line);
                if (line.Contains("phase ", StringComparison.Ordinal))
                {
                    phase = line[(line.IndexOf("phase ", StringComparison.Ordinal) + 6)..].Trim();
                    if (phase == "observe")
                    {
                        observeAt = (clock.Elapsed.TotalSeconds, ProcStatus(process.Id, "VmRSS:"));
                    }
                }
            }
        });
        var errors = process.StandardError.ReadToEndAsync();
        await using (var csv = new StreamWriter(Path.Combine(outDir, "soak.csv")))
        {
            await csv.WriteLineAsync("seconds,phase,rss_kb,hwm_kb,cpu_s");
            while (!process.HasExited)
            {
                var row = (clock.Elapsed.TotalSeconds, phase, ProcStatus(process.Id, "VmRSS:"), ProcStatus(process.Id, "VmHWM:"), Cpu(process.Id));
                if (row.Item3 > 0)
                {
                    rows.Add(row);
                    await csv.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{row.Item1:0.0},{row.phase},{row.Item3},{row.Item4},{row.Item5:0.00}"));
                    await csv.FlushAsync();
                }

                await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(5)));
            }
        }

        await reading;
        Console.Error.Write(await errors);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(report))!;
        var observing = rows.Where(r => r.T >= observeAt.Seconds).ToList();
        var peak = rows.Max(r => r.Hwm);
        var growth = (peak - observeAt.Rss) / 1024.0;
        var during = observing.Where(r => r.Phase == "observe").ToList();
        var half = during.Count / 2;
        double Mb(long kb) => kb / 1024.0;
        Console.WriteLine();
        Console.WriteLine("| figure | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine(I($"| exit code / verdict | {process.ExitCode} / {json["verdict"]} |"));
        Console.WriteLine(I($"| samples (report probes.total) / late | {json["probes"]!["total"]} / {json["probes"]!["late"]} |"));
        Console.WriteLine(I($"| observation (wall) | {(during.Count == 0 ? 0 : during[^1].T - observeAt.Seconds) / 60:0.0} min |"));
        Console.WriteLine(I($"| RSS when observation began | {Mb(observeAt.Rss):0} MB |"));
        if (during.Count > 4)
        {
            Console.WriteLine(I($"| RSS after 1/2 and at the end of observation | {Mb(during[half].Rss):0} MB, {Mb(during[^1].Rss):0} MB (second half: {Mb(during[^1].Rss - during[half].Rss):+0.0;-0.0} MB) |"));
        }

        Console.WriteLine(I($"| peak RSS of the process (VmHWM, includes writing the report) | {Mb(peak):0} MB |"));
        Console.WriteLine(I($"| **RSS growth** (peak − RSS when observation began) | **{growth:0.0} MB** |"));
        Console.WriteLine(I($"| CPU during observation | {(during.Count < 2 ? 0 : (during[^1].Cpu - during[0].Cpu) / (during[^1].T - during[0].T) * 100):0.0} % of one core |"));
        Console.WriteLine(I($"| report JSON | {new FileInfo(report).Length / 1024.0:0} KB (timeline: {(json["timeline"]!["buckets"] is JsonArray b ? $"{b.Count} buckets of {json["timeline"]!["bucketSeconds"]} s" : $"{json["timeline"]!["samples"]!.AsArray().Count} samples")}) |"));
        Console.WriteLine(I($"| samples file (CSV, gzip) | {new FileInfo(samplesFile).Length / 1048576.0:0.0} MB |"));
        return 0;
    }

    private static string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static long ProcStatus(int pid, string key)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static double Cpu(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
