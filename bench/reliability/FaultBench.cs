using System.Text.Json.Nodes;

namespace DrillBot.Bench.Reliability;

/// <summary>
/// RUNS runs of reviews-failover against a Lab whose API servers fail 20 % of requests: how each run ended,
/// whether its own restore completed, and whether every object was back exactly as before (after a
/// `drillbot restore` for the runs that exited 4 or left something).
/// </summary>
internal static class FaultBench
{
    public static async Task<int> RunAsync(Bench bench, int runs)
    {
        var exitCodes = new SortedDictionary<int, int>();
        var verdicts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var restores = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int laterRestores = 0, restoredEventually = 0;
        var durations = new List<double>();
        for (var i = 1; i <= runs; i++)
        {
            await bench.WaitReadyAsync();
            var before = await bench.SnapshotAsync();
            var report = Path.Combine(bench.WorkDir, $"report-{i}.json");
            File.Delete(report);
            var run = await bench.RunAsync("run", "reviews-failover", "--report-json", report);
            durations.Add(run.Took.TotalSeconds);
            Count(exitCodes, run.Code);
            var json = File.Exists(report) ? JsonNode.Parse(await File.ReadAllTextAsync(report)) : null;
            Count(verdicts, json?["verdict"]?.GetValue<string>() ?? "(no report)");
            Count(restores, json?["restore"]?["status"]?.GetValue<string>() ?? "(no report)");
            var after = await bench.SnapshotAsync();
            if (run.Code == 4 || after != before)
            {
                laterRestores++;
                var restore = await bench.RunAsync("restore");
                after = await bench.SnapshotAsync();
                Console.Error.WriteLine($"run {i}: exit {run.Code}; `drillbot restore` exit {restore.Code}: {restore.Out}");
            }

            restoredEventually += after == before ? 1 : 0;
            if (after != before)
            {
                Console.Error.WriteLine($"run {i}: NOT RESTORED\n{run.Out}");
            }
        }

        Console.WriteLine($"runs: {runs} (20 % of API requests failing on every context)");
        Console.WriteLine($"exit codes: {string.Join(", ", exitCodes.Select(kv => $"{kv.Key} x{kv.Value}"))}");
        Console.WriteLine($"verdicts: {string.Join(", ", verdicts.Select(kv => $"{kv.Key} x{kv.Value}"))}");
        Console.WriteLine($"restore status in the run's report: {string.Join(", ", restores.Select(kv => $"{kv.Key} x{kv.Value}"))}");
        Console.WriteLine($"runs that needed a later `drillbot restore`: {laterRestores}");
        Console.WriteLine($"every object back exactly as before: {restoredEventually}/{runs}");
        Console.WriteLine($"run wall time median {Bench.Median(durations)} s, max {durations.Max():0.00} s");
        return restoredEventually == runs ? 0 : 1;
    }

    private static void Count<T>(SortedDictionary<T, int> counts, T key)
        where T : notnull => counts[key] = counts.GetValueOrDefault(key) + 1;
}
