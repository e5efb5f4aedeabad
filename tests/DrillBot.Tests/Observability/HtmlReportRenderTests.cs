using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DrillBot.Tests.Cli;

namespace DrillBot.Tests.Observability;

/// <summary>The HTML report of a real drill against the Lab, loaded in headless Chromium.</summary>
[TestFixture]
[NonParallelizable]
public sealed partial class HtmlReportRenderTests
{
    private CliHarness harness = null!;
    private string html = null!;
    private string htmlPath = null!;
    private JsonObject report = null!;

    [OneTimeSetUp]
    public async Task RunDrillOnceAsync()
    {
        harness = await CliHarness.StartAsync();
        htmlPath = harness.Path2("report.html");
        var exit = await harness.RunAsync("run", "reviews-failover", "--html", htmlPath, "--report-json", harness.Path2("report.json"));
        Assert.That(exit, Is.Zero, harness.Out + harness.Error);
        html = await File.ReadAllTextAsync(htmlPath);
        report = JsonNode.Parse(await File.ReadAllTextAsync(harness.Path2("report.json")))!.AsObject();
    }

    [OneTimeTearDown]
    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Test]
    public void Html_RealRun_TimelineHasEverySampleAndTheMarkers()
    {
        var total = report["probes"]!["total"]!.GetValue<int>();
        var samples = report["timeline"]!["samples"]!.AsArray().Count;
        var dots = Circle().Matches(html).Count;
        var markers = MarkerLabel().Matches(html).Select(m => m.Groups[1].Value).ToHashSet();

        Assert.Multiple(() =>
        {
            Assert.That(samples, Is.EqualTo(total), "the report's timeline carries every probe sample");
            Assert.That(dots, Is.EqualTo(total), "one latency dot per sample");
            Assert.That(markers, Is.SupersetOf(new[] { "fault", "failover", "recovered", "restore-start", "restore-done" }));
            Assert.That(html, Does.Contain("PASSED").IgnoreCase);
        });
    }

    [Test]
    public void Html_RealRun_FetchesNothingFromTheNetwork()
    {
        var external = ExternalReference().Matches(html).Select(m => m.Value).ToList();

        Assert.That(external, Is.Empty, "the page must be self-contained");
    }

    [Test]
    public async Task Html_RealRun_RendersInChromiumWithoutConsoleErrors()
    {
        var result = await HeadlessChromium.LoadAsync(htmlPath);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero);
            Assert.That(result.ConsoleMessages, Is.Empty);
            Assert.That(result.Dom, Does.Contain("<svg").And.Contain("probe timeline"));
        });
    }

    [Test]
    public async Task Chromium_PageWithScriptError_IsCaught()
    {
        // the check above can fail: a page with a script error is reported
        var bad = harness.Path2("bad.html");
        await File.WriteAllTextAsync(bad, "<!DOCTYPE html><title>x</title><script>undefinedFunction();</script>");

        var result = await HeadlessChromium.LoadAsync(bad);

        Assert.That(result.ConsoleMessages, Has.Some.Contains("undefinedFunction"));
    }

    [GeneratedRegex("<circle ")]
    private static partial Regex Circle();

    [GeneratedRegex("<g class=\"marker\">.*?class=\"mlabel\"[^>]*>([a-z-]+)</text>")]
    private static partial Regex MarkerLabel();

    [GeneratedRegex(@"(?:src|href)\s*=\s*[""']?(?:https?:)?//[^""'\s>]+|url\(\s*[""']?(?:https?:)?//|@import", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
