using System.Text.RegularExpressions;

namespace DrillBot.Lab.Tests.Ingress;

/// <summary>The productpage HTML a probe classifies by body, in both template generations.</summary>
public sealed class BookinfoPageTests
{
    private static async Task<Dictionary<string, string>> PagesByVersionAsync(LabTopology topology)
    {
        await using var lab = await TestLab.StartAsync(topology);
        var pages = new Dictionary<string, string>();
        for (var i = 0; i < 12 && pages.Count < 2; i++)
        {
            var (_, body, pod) = await lab.ProductpageAsync();
            Assert.That(pod, Is.Not.Null);
            pages[pod![..pod!.IndexOf('-', "reviews-".Length)]] = body;
        }

        return pages;
    }

    [Test]
    public async Task ClassicTemplate_V2TwoFullStarComments_V1None_NoPodNamed()
    {
        var pages = await PagesByVersionAsync(TestLab.Fast());

        Assert.That(Regex.Count(pages["reviews-v2"], "<!-- full stars: -->"), Is.EqualTo(2));
        Assert.That(pages["reviews-v2"], Does.Contain("color=\"black\"").And.Contain("glyphicon-star"));
        Assert.That(pages["reviews-v1"], Does.Not.Contain("full stars").And.Not.Contain("glyphicon-star"));
        Assert.That(Regex.Count(pages["reviews-v2"], "<!-- empty stars: -->"), Is.EqualTo(2), "1.16.2 writes both comments for every rated review");
        Assert.That(Regex.Count(pages["reviews-v2"], "glyphicon glyphicon-star\""), Is.EqualTo(9), "5 + 4 full stars");
        Assert.That(pages["reviews-v1"], Does.Not.Contain("text-black-500"));
        foreach (var page in pages.Values)
        {
            // Bookinfo 1.16.2 does not name the serving pod: a classifier matching reviews-v2 can never fire.
            Assert.That(page, Does.Not.Contain("Reviews served by").And.Not.Contain("reviews-v").And.Not.Contain("productpage-v"));
        }
    }

    [Test]
    public async Task ModernTemplate_V2BlackClassesNoComments()
    {
        var pages = await PagesByVersionAsync(TestLab.Fast() with { Template = LabHtmlTemplate.Modern });

        Assert.That(pages["reviews-v2"], Does.Contain("text-black-500").And.Not.Contain("<!--"));
        Assert.That(Regex.Count(pages["reviews-v2"], "text-black-500"), Is.EqualTo(9), "5 + 4 full stars");
        Assert.That(pages["reviews-v1"], Does.Not.Contain("text-black-500").And.Not.Contain("text-red-500"));
        Assert.That(pages["reviews-v1"], Does.Contain("Reviews served by: <span class=\"font-mono\">reviews-v1-"));
    }

    [Test]
    public async Task ModernTemplate_V3RedStars()
    {
        var topology = TestLab.Fast(LabTopology.Default with
        {
            Template = LabHtmlTemplate.Modern,
            Contexts =
            [
                new LabContextSpec("ack-hangzhou", "cn-hangzhou", [new("productpage-v1"), new("details-v1"), new("ratings-v1"), new("reviews-v3")]),
                new LabContextSpec("ack-shanghai", "cn-shanghai", [new("reviews-v2")]),
                new LabContextSpec("asm", null, []),
            ],
        });

        var pages = await PagesByVersionAsync(topology);

        Assert.That(pages["reviews-v3"], Does.Contain("text-red-500").And.Not.Contain("text-black-500"));
    }

    [Test]
    public async Task RatingsGone_StarsReplacedByRatingsUnavailable()
    {
        await using var lab = await TestLab.StartAsync();
        await MeshPolicies.ScaleAsync(lab, "ack-hangzhou", "ratings-v1", 0);
        await MeshPolicies.ScaleAsync(lab, "ack-shanghai", "ratings-v1", 0);
        await MeshPolicies.ScaleAsync(lab, "ack-hangzhou", "reviews-v1", 0);
        lab.Time.Advance(TimeSpan.FromSeconds(1));

        var (_, body, pod) = await lab.ProductpageAsync();

        Assert.That(pod, Does.StartWith("reviews-v2-"));
        Assert.That(body, Does.Contain("Ratings service is currently unavailable").And.Not.Contain("full stars"));
    }

    [Test]
    public async Task Health_ProductpageUp_Ok()
    {
        await using var lab = await TestLab.StartAsync();

        var health = await lab.Http.GetStringAsync(new Uri(lab.Host.ProductpageUrl, "/health"));

        Assert.That(health, Is.EqualTo("Product page is healthy"));
    }

    [Test]
    public async Task LabEvents_Endpoint_ServesTheTimelineAsJson()
    {
        await using var lab = await TestLab.StartAsync();
        await MeshPolicies.ScaleAsync(lab, "ack-hangzhou", "reviews-v1", 0);

        var json = await lab.Http.GetStringAsync(lab.Host.EventsUrl);

        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var first = doc.RootElement.EnumerateArray().First(e => e.GetProperty("kind").GetString() == "scale-applied");
        Assert.That(first.GetProperty("time").GetString(), Is.EqualTo("2025-03-04T05:06:07.0000000Z"));
        Assert.That(first.GetProperty("context").GetString(), Is.EqualTo("ack-hangzhou"));
        Assert.That(first.GetProperty("object").GetString(), Is.EqualTo("Deployment/default/reviews-v1"));
        Assert.That(first.GetProperty("detail").GetString(), Is.EqualTo("replicas=0"));
        Assert.That(first.GetProperty("region").GetString(), Is.EqualTo("cn-hangzhou"));
    }
}
