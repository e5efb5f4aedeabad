using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DrillBot.Bench;

/// <summary>
/// The other clients of the side-by-side table, each run as a child process under GNU time (user+system CPU of the
/// client and every process it waited for) against the same URL: <c>hey -q RATE -c 1</c> (Go, rate-limited, one
/// keep-alive connection), <c>wrk -t1 -c1</c> (saturating, for scale) and the runbook's curl loop (one process per request).
/// </summary>
internal static partial class ExternalClient
{
    public sealed record Result(string Client, double Rate, long Requests, TimeSpan Cpu)
    {
        public double CpuMsPerThousand => Requests == 0 ? double.NaN : Cpu.TotalMilliseconds / Requests * 1000;
    }

    public static Result Hey(Uri url, TimeSpan duration, int rate)
    {
        var (cpu, output) = Timed("hey", "-z", Seconds(duration), "-q", rate.ToString(CultureInfo.InvariantCulture), "-c", "1", url.ToString());
        var requests = HeyStatus().Matches(output).Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        return new Result($"hey -q {rate} -c 1", rate, requests, cpu);
    }

    public static Result Wrk(Uri url, TimeSpan duration)
    {
        var (cpu, output) = Timed("wrk", "-t1", "-c1", "-d" + Seconds(duration), url.ToString());
        var requests = WrkRequests().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new Result("wrk -t1 -c1", requests / duration.TotalSeconds, requests, cpu);
    }

    /// <summary>bench/recovery-accuracy/loop.sh for <paramref name="duration"/>: one line per request.</summary>
    public static Result CurlLoop(Uri url, TimeSpan duration, string loopScript)
    {
        var dir = Directory.CreateTempSubdirectory("probe-bench-loop");
        try
        {
            var stop = Path.Combine(dir.FullName, "stop");
            var stopper = Task.Delay(duration).ContinueWith(_ => File.WriteAllText(stop, ""), TaskScheduler.Default);
            var (cpu, output) = Timed("bash", loopScript, url.ToString(), stop, Path.Combine(dir.FullName, "hwm"));
            stopper.Wait();
            var requests = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LongLength;
            return new Result("curl loop", requests / duration.TotalSeconds, requests, cpu);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static (TimeSpan Cpu, string Output) Timed(string command, params string[] args)
    {
        var timeFile = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "-f", "%U %S", "-o", timeFile, command }.Concat(args))
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var parts = File.ReadAllText(timeFile).Trim().Split('\n')[^1].Split(' ');
            if (parts.Length != 2)
            {
                throw new InvalidOperationException($"{command} exited {process.ExitCode}: {stderr.Result}");
            }

            var cpu = double.Parse(parts[0], CultureInfo.InvariantCulture) + double.Parse(parts[1], CultureInfo.InvariantCulture);
            return (TimeSpan.FromSeconds(cpu), output);
        }
        finally
        {
            File.Delete(timeFile);
        }
    }

    private static string Seconds(TimeSpan t) => ((int)Math.Round(t.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s";

    [GeneratedRegex(@"\[\d{3}\]\s+(\d+) responses")]
    private static partial Regex HeyStatus();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex WrkRequests();
}
