using System.IO.Compression;
using DrillBot.Drills.Probing;
using DrillBot.Drills.Reports;

namespace DrillBot.Drills.Tests.Reports;

public sealed class SamplesCsvTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 6, 3, 0, 0, TimeSpan.Zero);

    private static readonly ProbeSample[] Samples =
    [
        new(0, T0, T0.AddTicks(1234), TimeSpan.FromMilliseconds(2.5), 200, null, "cn-shanghai", true, false),
        new(1, T0.AddMilliseconds(10), T0.AddMilliseconds(17), TimeSpan.FromSeconds(2), null, "timeout", "error", false, true),
        new(2, T0.AddMilliseconds(20), T0.AddMilliseconds(20), TimeSpan.FromMilliseconds(1), 503, "unmatched", "a \"b\", c", false, false),
    ];

    [Test]
    public void Write_OneLinePerSample_TimesTo100ns_EmptyForNoStatus_QuotedWhenNeeded()
    {
        var writer = new StringWriter();

        SamplesCsv.Write(writer, Samples);

        var lines = writer.ToString().TrimEnd('\n').Split('\n');
        Assert.That(lines, Has.Length.EqualTo(4));
        Assert.That(lines[0], Is.EqualTo("sequence,scheduled_at,sent_at,duration_ms,status,error,class,ok,late"));
        Assert.That(lines[1], Is.EqualTo("0,2026-01-06T03:00:00.0000000Z,2026-01-06T03:00:00.0001234Z,2.5,200,,cn-shanghai,true,false"));
        Assert.That(lines[2], Is.EqualTo("1,2026-01-06T03:00:00.0100000Z,2026-01-06T03:00:00.0170000Z,2000,,timeout,error,false,true"));
        Assert.That(lines[3], Does.EndWith(",503,unmatched,\"a \"\"b\"\", c\",false,false"));
    }

    [Test]
    public void Write_GzPath_Compressed()
    {
        var path = Path.Combine(Path.GetTempPath(), $"samples-{Guid.NewGuid():N}.csv.gz");
        try
        {
            SamplesCsv.Write(path, Samples);

            using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            var text = new StreamReader(gz).ReadToEnd();
            Assert.That(text.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(4));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
