namespace DrillBot.Bench.RecoveryAccuracy;

/// <summary>
/// run.sh's <c>session.env</c> (key=value): date, command, mode, runs, machine (nproc, cpu_model, mem_gib, kernel),
/// versions (dotnet, prometheus, blackbox, curl), load averages (load_start, load_end), and the drill's timings
/// (interval_ms, timings, config_note).
/// </summary>
internal sealed class Session(string file)
{
    private readonly Dictionary<string, string> _values = File.ReadAllLines(file)
        .Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    public string this[string key] => _values.TryGetValue(key, out var v) ? v : "?";

    public IReadOnlyDictionary<string, string> Values => _values;
}
