using System.Globalization;
using System.IO.Compression;
using DrillBot.Drills.Probing;

namespace DrillBot.Drills.Reports;

/// <summary>
/// Every probe sample of a run as CSV (<c>--samples-file</c>), one line per sample in send order:
/// <c>sequence,scheduled_at,sent_at,duration_ms,status,error,class,ok,late</c>; times ISO-8601 UTC with 100 ns digits,
/// an empty field for no status or error. A path ending in <c>.gz</c> is written gzip-compressed.
/// </summary>
public static class SamplesCsv
{
    public const string Header = "sequence,scheduled_at,sent_at,duration_ms,status,error,class,ok,late";

    public static void Write(string path, IReadOnlyList<ProbeSample> samples)
    {
        using var file = File.Create(path);
        using var stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionLevel.Fastest) : (Stream)file;
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16);
        Write(writer, samples);
    }

    public static void Write(TextWriter writer, IReadOnlyList<ProbeSample> samples)
    {
        writer.Write(Header);
        writer.Write('\n');
        foreach (var s in samples)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{s.Sequence},{Time(s.ScheduledAt)},{Time(s.SentAt)},{s.Duration.TotalMilliseconds:0.###},{s.Status},{Field(s.ErrorKind)},{Field(s.Class)},{(s.Ok ? "true" : "false")},{(s.Late ? "true" : "false")}\n"));
        }
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    // RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled (class names come from drills.yaml)
    private static string Field(string? value) =>
        value is null ? string.Empty
        : value.AsSpan().IndexOfAny(",\"\n\r") < 0 ? value
        : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
