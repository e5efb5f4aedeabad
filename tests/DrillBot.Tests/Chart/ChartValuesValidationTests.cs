namespace DrillBot.Tests.Chart;

/// <summary>Bad values fail the render (as `helm install` would) with a message naming the value.</summary>
public sealed class ChartValuesValidationTests
{
    [TestCase("terminationGracePeriodSeconds=25", "/terminationGracePeriodSeconds")]
    [TestCase("replicaCount=two", "/replicaCount")]
    [TestCase("replicaCuont=2", "additional property \"replicaCuont\" is not allowed")]
    [TestCase("image.pullPolicy=Sometimes", "/image/pullPolicy")]
    [TestCase("prometheusRule.staleAfterDays=0", "/prometheusRule/staleAfterDays")]
    [TestCase("kubeconfig.mountPath=relative/dir", "/kubeconfig/mountPath")]
    [TestCase("telemetry.prometheus=prometheus:9090", "/telemetry/prometheus")]
    [TestCase("telemetry.scrapeInterval=15", "/telemetry/scrapeInterval")]
    public async Task Render_ValueAgainstTheSchema_FailsNamingIt(string assignment, string expected)
    {
        var result = await ChartRenderer.RenderAsync("--set", assignment);

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Stderr, Does.Contain("values don't meet the specifications of the schema"));
        Assert.That(result.Stderr, Does.Contain(expected));
    }

    [Test]
    public async Task Render_BadTargetName_FailsNamingTheEntry()
    {
        var overlay = await WriteOverlayAsync("targets:\n  - namespace: default\n    deployments: [Reviews_V1]\n");

        var result = await ChartRenderer.RenderAsync("-f", overlay);

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Stderr, Does.Contain("/targets/0/deployments/0"));
    }

    [Test]
    public async Task Render_SameNamespaceTwiceInTargets_FailsAskingToMergeThem()
    {
        var overlay = await WriteOverlayAsync("""
            targets:
              - namespace: default
                deployments: [reviews-v1]
              - namespace: default
                destinationRules: [reviews]
            """);

        var result = await ChartRenderer.RenderAsync("-f", overlay);

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Stderr, Does.Contain("targets[1]: namespace \"default\" is listed twice"));
    }

    private static async Task<string> WriteOverlayAsync(string yaml)
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"overlay-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, yaml);
        return path;
    }
}
