using DrillBot.Cli;

namespace DrillBot.Tests.Cli;

[NonParallelizable]
public sealed class ValidateWarningTests
{
    [Test]
    public async Task Validate_VirtualServiceAbortExpectingFailover_OneLocatedWarningExit0()
    {
        await using var cli = await CliHarness.StartAsync(withLab: false);
        var yaml = CliHarness.FastDrills();
        var old = """
                  - failWorkload:                     # EnvoyFilter drillbot-fail-reviews-v1: those pods answer 503 themselves
                      cluster: mesh
                      workload: { app: reviews, version: v1 }
                      httpStatus: 503
            """;
        Assert.That(yaml, Does.Contain(old));
        await File.WriteAllTextAsync(cli.Path2("old.yaml"), yaml.Replace(old, """
                  - injectHttpFault:
                      cluster: mesh
                      host: reviews
                      subset: v1
                      abort: { httpStatus: 503 }
            """, StringComparison.Ordinal));

        var code = await cli.RunAsync("validate", "--config", "old.yaml");

        Assert.That(code, Is.EqualTo(ExitCodes.Passed), cli.Error);
        var lines = cli.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), cli.Error);
        Assert.That(lines[0], Does.Match(@"^old\.yaml:\d+:\d+: warning: drill 'reviews-region-outage': injectHttpFault aborts in the calling sidecar: no endpoint fails, so nothing fails over; use failWorkload to test failover$"));
        Assert.That(cli.Out, Does.Contain("old.yaml: valid (4 drills"));

        // --strict makes every warning an error, not only undefined variables (issue 13 item 2)
        var strict = await cli.RunAsync("validate", "--config", "old.yaml", "--strict");

        Assert.That(strict, Is.EqualTo(ExitCodes.InvalidInput), cli.Error);
        Assert.That(cli.Error, Does.Match(@"old\.yaml:\d+:\d+: error \(--strict\): drill 'reviews-region-outage': injectHttpFault aborts in the calling sidecar"));
    }

    [Test]
    public async Task Validate_BundledDrills_NoWarning()
    {
        await using var cli = await CliHarness.StartAsync(withLab: false);

        Assert.That(await cli.RunAsync("validate"), Is.EqualTo(ExitCodes.Passed));
        Assert.That(cli.Error, Does.Not.Contain("warning"));
    }
}
