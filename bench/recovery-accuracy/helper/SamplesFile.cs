using System.Globalization;
using System.IO.Compression;

namespace DrillBot.Bench.RecoveryAccuracy;

/// <summary>
/// DrillBot's <c>--samples-file</c> (CSV, gzip; docs/contracts.md): every sample's scheduled and send time at 100 ns
/// resolution. A report of a long run (more than 3,000 samples, e.g. a 10 ms probe) summarises its timeline in
/// buckets, so the per-sample figures come from here.
/// </summary>
internal sealed record SamplesFile(IReadOnlyList<(DateTimeOffset Scheduled, DateTimeOffset Sent, string Class, bool Ok)> Samples)
{
    public static SamplesFile? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var file = File.OpenRead(path);
        using var stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        using var reader = new StreamReader(stream);
        var header = reader.ReadLine()?.Split(',') ?? throw new InvalidDataException($"{path}: empty");
        int Column(string name) => Array.IndexOf(header, name) is >= 0 and var i ? i : throw new InvalidDataException($"{path}: no column {name}");
        var (scheduled, sent, cls, ok) = (Column("scheduled_at"), Column("sent_at"), Column("class"), Column("ok"));
        var samples = new List<(DateTimeOffset, DateTimeOffset, string, bool)>();
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split(',');
            samples.Add((Parse(f[scheduled]), Parse(f[sent]), f[cls], f[ok] == "true"));
        }

        return new SamplesFile(samples);
    }

    /// <summary>Send time − scheduled slot, ms, sorted.</summary>
    public List<double> JitterMs() => Samples.Select(s => (s.Sent - s.Scheduled).TotalMilliseconds).Order().ToList();

    private static DateTimeOffset Parse(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
