using System.Globalization;
using System.Text.Json.Nodes;

namespace DrillBot.Bench.RecoveryAccuracy;

/// <summary>
/// What run.sh leaves in one run's directory: <c>meta.env</c> (key=value: run, start, end, clk_tck, prom_cpu0/1,
/// bb_cpu0/1, prom_hwm_kb, bb_hwm_kb, loop_bash_hwm_kb, drillbot_rc, load_start), <c>report.json</c> (drillbot),
/// <c>events.json</c> (/lab/events), <c>blackbox.json</c> (Prometheus query answer), <c>loop.log</c>
/// ("epoch count" per curl), <c>drillbot.time</c> and <c>loop.time</c> (GNU time "%U %S %M %e"), <c>drillbot.cpu</c>
/// ("epoch ticks" every 100 ms while drillbot runs).
/// </summary>
internal sealed class RunFiles(string directory)
{
    private readonly Dictionary<string, string> _meta = File.ReadAllLines(Path.Combine(directory, "meta.env"))
        .Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    public string Directory { get; } = directory;

    public string Meta(string key) => _meta.TryGetValue(key, out var v) ? v : throw new InvalidDataException($"{Directory}/meta.env: no {key}");

    public double MetaNumber(string key) => double.Parse(Meta(key), CultureInfo.InvariantCulture);

    public JsonNode Json(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, name)))
        ?? throw new InvalidDataException($"{Directory}/{name}: empty");

    public string[] Lines(string name) => File.ReadAllLines(Path.Combine(Directory, name));

    /// <summary>GNU time's "%U %S %M %e" (the last line; a "Command exited with non-zero status" line may precede it).</summary>
    public (double CpuSeconds, long MaxRssKb) Time(string name)
    {
        var f = Lines(name).Last(l => l.Length > 0).Split(' ');
        return (double.Parse(f[0], CultureInfo.InvariantCulture) + double.Parse(f[1], CultureInfo.InvariantCulture),
            long.Parse(f[2], CultureInfo.InvariantCulture));
    }

    /// <summary>Process CPU seconds at <paramref name="at"/>, interpolated between the sampler's readings of <paramref name="name"/>.</summary>
    public double CpuAt(string name, DateTimeOffset at)
    {
        var tick = MetaNumber("clk_tck");
        var readings = Lines(name).Select(l => l.Split(' ')).Where(f => f.Length == 2)
            .Select(f => (At: Epoch.Parse(f[0]), Cpu: double.Parse(f[1], CultureInfo.InvariantCulture) / tick)).ToList();
        if (readings.Count == 0)
        {
            throw new InvalidDataException($"{Directory}/{name}: no CPU readings");
        }

        var after = readings.FindIndex(r => r.At >= at);
        if (after <= 0)
        {
            return after == 0 ? readings[0].Cpu : readings[^1].Cpu;
        }

        var (a, b) = (readings[after - 1], readings[after]);
        var f = (at - a.At) / (b.At - a.At);
        return a.Cpu + (f * (b.Cpu - a.Cpu));
    }
}
