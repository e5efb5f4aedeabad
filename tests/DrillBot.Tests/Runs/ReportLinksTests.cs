using DrillBot.Runs;

namespace DrillBot.Tests.Runs;

public sealed class ReportLinksTests
{
    [Test]
    public void For_PublicUrlSet_WinsOverRequestBase()
    {
        var links = new ReportLinks(new Uri("https://drillbot.example.com/base/"));

        Assert.That(links.For("run 1", new Uri("http://10.0.0.1:8080/"))!.AbsoluteUri, Is.EqualTo("https://drillbot.example.com/base/runs/run%201"));
    }

    [Test]
    public void For_NoPublicUrl_RequestBaseElseLastSeenElseNone()
    {
        var links = new ReportLinks(null);
        var none = links.For("r1");
        links.Seen(new Uri("https://seen.example/"));

        Assert.That(none, Is.Null);
        Assert.That(links.For("r1", new Uri("http://request.example/"))!.AbsoluteUri, Is.EqualTo("http://request.example/runs/r1"));
        Assert.That(links.For("r1")!.AbsoluteUri, Is.EqualTo("https://seen.example/runs/r1"));
    }
}
