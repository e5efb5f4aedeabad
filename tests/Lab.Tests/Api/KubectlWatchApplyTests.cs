using System.Text.Json.Nodes;

namespace DrillBot.Lab.Tests.Api;

/// <summary>kubectl 1.32 against the Lab: <c>apply</c> (with and without <c>--dry-run=server</c>) and <c>get -w</c>.</summary>
public sealed class KubectlWatchApplyTests
{
    private const string Rule = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
          namespace: default
        spec:
          host: reviews
          trafficPolicy:
            outlierDetection:
              consecutive5xxErrors: 3
        """;

    [Test]
    public async Task Apply_DryRunServerThenReal_OnlyTheRealOneChangesTheRuleAndItsManagerIsKubectl()
    {
        Kubectl.RequireInstalled();
        await using var lab = await TestLab.StartAsync();
        var dir = Directory.CreateTempSubdirectory("lab-kubectl-").FullName;
        try
        {
            var file = Path.Combine(dir, "dr.yaml");
            await File.WriteAllTextAsync(file, Rule);
            var dry = await Kubectl.RunAsync(lab, dir, "--context", "asm", "apply", "--dry-run=server", "-f", file);
            var afterDry = lab.Host.GetObjectJson("asm", "DestinationRule", "default", "reviews")!;
            var real = await Kubectl.RunAsync(lab, dir, "--context", "asm", "apply", "-f", file);
            var after = JsonNode.Parse(lab.Host.GetObjectJson("asm", "DestinationRule", "default", "reviews")!)!;

            Assert.Multiple(() =>
            {
                Assert.That(dry.ExitCode, Is.Zero, dry.Stderr);
                Assert.That(dry.Stdout, Does.Contain("destinationrule.networking.istio.io/reviews configured (server dry run)"));
                Assert.That(afterDry, Does.Not.Contain("trafficPolicy"));
                Assert.That(real.ExitCode, Is.Zero, real.Stderr);
                Assert.That(after["spec"]!["trafficPolicy"]!["outlierDetection"]!["consecutive5xxErrors"]!.GetValue<int>(), Is.EqualTo(3));
                Assert.That(after["metadata"]!["managedFields"]!.AsArray().Select(e => e!["manager"]!.ToString()), Does.Contain("kubectl-client-side-apply"));
            });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public async Task GetWatch_ScaledMeanwhile_PrintsTheNewReadyColumn()
    {
        Kubectl.RequireInstalled();
        await using var lab = await TestLab.StartAsync();
        var dir = Directory.CreateTempSubdirectory("lab-kubectl-").FullName;
        using var watch = Kubectl.Start(lab.Host.KubeconfigPath, dir, "--context", "ack-hangzhou", "get", "deploy", "reviews-v1", "-w");
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var header = await watch.StandardOutput.ReadLineAsync(cts.Token);
            var first = await watch.StandardOutput.ReadLineAsync(cts.Token);
            var scale = await Kubectl.RunAsync(lab, dir, "--context", "ack-hangzhou", "scale", "deploy/reviews-v1", "--replicas=0");
            var next = await watch.StandardOutput.ReadLineAsync(cts.Token);

            Assert.Multiple(() =>
            {
                Assert.That(scale.ExitCode, Is.Zero, scale.Stderr);
                Assert.That(header, Does.StartWith("NAME"));
                Assert.That(first, Does.Match(@"^reviews-v1\s+1/1\s"));
                Assert.That(next, Does.Match(@"^reviews-v1\s+\d/0\s"), "the watch event of the scale");
            });
        }
        finally
        {
            watch.Kill();
            await watch.WaitForExitAsync();
            Directory.Delete(dir, recursive: true);
        }
    }
}
