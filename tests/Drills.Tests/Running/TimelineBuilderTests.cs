using DrillBot.Drills.Probing;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Running;

namespace DrillBot.Drills.Tests.Running;

public sealed class TimelineBuilderTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 6, 3, 0, 0, TimeSpan.Zero);

    private static List<ProbeSample> Samples(int count, TimeSpan interval) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var at = Start + (interval * i);
            var cls = i % 10 == 9 ? "error" : i % 2 == 0 ? "cn-shanghai" : "cn-hangzhou";
            return new ProbeSample(i, at, at, TimeSpan.FromMilliseconds(1 + (i % 5)), cls == "error" ? null : 200, cls == "error" ? "timeout" : null, cls, cls != "error", i % 100 == 0);
        }).ToList();

    [Test]
    public void Build_ShortRun_EverySampleListed()
    {
        var timeline = TimelineBuilder.Build(Start, Samples(Timeline.MaxSamples, TimeSpan.FromMilliseconds(100)), TimeSpan.FromMilliseconds(100));

        Assert.That(timeline.Samples, Has.Count.EqualTo(Timeline.MaxSamples));
        Assert.That(timeline.SampleCount, Is.EqualTo(Timeline.MaxSamples));
        Assert.That(timeline.Buckets, Is.Null);
    }

    [Test]
    public void Build_HourAt100PerSecond_AtMost1000BucketsThatAddUpToEverySample()
    {
        var interval = TimeSpan.FromMilliseconds(10);
        var samples = Samples(360_000, interval);

        var timeline = TimelineBuilder.Build(Start, samples, interval);

        Assert.That(timeline.Samples, Is.Empty);
        Assert.That(timeline.SampleCount, Is.EqualTo(360_000));
        Assert.That(timeline.BucketSeconds, Is.EqualTo(5));
        Assert.That(timeline.Buckets, Has.Count.InRange(1, Timeline.MaxBuckets));
        var buckets = timeline.Buckets!;
        Assert.That(buckets.Sum(b => b.Count), Is.EqualTo(samples.Count));
        Assert.That(buckets.Sum(b => b.Ok.GetValueOrDefault("cn-shanghai")), Is.EqualTo(samples.Count(s => s.Class == "cn-shanghai")));
        Assert.That(buckets.Sum(b => b.NotOk.GetValueOrDefault("error")), Is.EqualTo(samples.Count(s => !s.Ok)));
        Assert.That(buckets.Sum(b => b.Late), Is.EqualTo(samples.Count(s => s.Late)));
        Assert.That(buckets.Select(b => b.T), Is.Ordered.And.Unique);
        Assert.That(buckets[0].MsP50, Is.EqualTo(3).Within(1e-9), "median of the ok latencies 1..5 ms");
        Assert.That(buckets[0].MsMax, Is.EqualTo(5).Within(1e-9));
    }

    [Test]
    public void Build_BucketedReport_SmallJsonAndHtmlWithoutPerSampleDots()
    {
        var interval = TimeSpan.FromMilliseconds(10);
        var report = Reports.SampleReport.Build() with { Timeline = TimelineBuilder.Build(Start, Samples(360_000, interval), interval) };

        var json = ReportJson.Serialize(report);
        var html = HtmlReport.Render(report);

        Assert.That(json.Length, Is.LessThan(512 * 1024), "an hour at 100/s in the report JSON");
        Assert.That(ReportJson.Deserialize(json)!.Timeline.Buckets, Has.Count.EqualTo(report.Timeline.Buckets!.Count), "round trip");
        Assert.That(html, Does.Contain("probe classes per 5 s (360000 samples"));
        Assert.That(System.Text.RegularExpressions.Regex.Matches(html, "<circle").Count, Is.EqualTo(report.Timeline.Buckets!.Count), "one latency mark per bucket");
        Assert.That(html.Length, Is.LessThan(1024 * 1024));
    }

    [TestCase(45.0, 100, 0.1)]
    [TestCase(600.0, 100, 1)]
    [TestCase(3600.0, 10, 5)]
    [TestCase(86400.0, 100, 120)]
    [TestCase(4000.0, 5000, 5)]
    public void BucketSeconds_SmallestRoundWidthWithinTheLimit(double span, int intervalMs, double expected)
    {
        Assert.That(TimelineBuilder.BucketSeconds(span, TimeSpan.FromMilliseconds(intervalMs)), Is.EqualTo(expected));
    }
}
