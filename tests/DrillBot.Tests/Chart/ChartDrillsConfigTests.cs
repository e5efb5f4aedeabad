using DrillBot.Cli;
using DrillBot.Tests.Cli;
using YamlDotNet.RepresentationModel;

namespace DrillBot.Tests.Chart;

/// <summary>The drills.yaml the chart ships by default (the runbook's drills) and its fit with the RBAC.</summary>
public sealed class ChartDrillsConfigTests
{
    [Test]
    public async Task DrillsConfigMap_DefaultValues_HoldsTheRunbookDrillsAndClusters()
    {
        var drills = await LoadDefaultDrillsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(drills.Items("drills").Select(d => d.Str("name")),
                Is.EqualTo(new[] { "reviews-failover", "reviews-distribution", "reviews-region-outage", "reviews-failover-runbook-order" }));
            Assert.That(drills.Str("clusters", "hangzhou", "context"), Is.EqualTo("ack-hangzhou"));
            Assert.That(drills.Str("clusters", "shanghai", "context"), Is.EqualTo("ack-shanghai"));
            Assert.That(drills.Str("clusters", "mesh", "context"), Is.EqualTo("asm"));
        });
    }

    [Test]
    public async Task DrillsConfigMap_DefaultValues_PassesDrillbotValidate()
    {
        await using var cli = await CliHarness.StartAsync(withLab: false);
        await DrillsConfigFile.ExtractAsync(await ChartRenderer.RenderManifestsAsync(), cli.Directory);

        var code = await cli.RunAsync("validate", "--config", "drills.yaml");

        Assert.That(code, Is.EqualTo(ExitCodes.Passed), cli.Error);
        Assert.That(cli.Out, Does.Contain("drills.yaml: valid (4 drills"));
    }

    [Test]
    public async Task DrillsConfigMap_DefaultValues_IsTheRepositoryDrillsYaml()
    {
        var chart = await LoadDefaultDrillsAsync();
        var repository = new YamlStream();
        repository.Load(new StringReader(await File.ReadAllTextAsync(Path.Combine(TestContext.CurrentContext.TestDirectory, "drills.yaml"))));

        Assert.That(Canonical(chart), Is.EqualTo(Canonical(repository.Documents[0].RootNode)),
            "charts/drillbot/values.yaml drillsYaml must be the repository's drills.yaml (copy it over)");
    }

    /// <summary>The node as one line: mappings, lists and scalar values, comments and layout dropped.</summary>
    private static string Canonical(YamlNode node) => node switch
    {
        YamlMappingNode map => "{" + string.Join(",", map.Children.Select(c => Canonical(c.Key) + ":" + Canonical(c.Value))) + "}",
        YamlSequenceNode seq => "[" + string.Join(",", seq.Children.Select(Canonical)) + "]",
        YamlScalarNode scalar => System.Text.Json.JsonSerializer.Serialize(scalar.Value),
        _ => node.ToString(),
    };

    [Test]
    public async Task DrillsConfigMap_DefaultValues_EveryObjectTheDrillsTouchIsGrantedByTheRole()
    {
        var manifests = await ChartRenderer.RenderManifestsAsync();
        var drills = await LoadDrillsAsync(manifests);
        var granted = PolicyRule.From(manifests.Single("Role", "drillbot-drills"));

        foreach (var (resource, name) in TouchedObjects(drills).Where(t => t.Resource.Length > 0))
        {
            Assert.That(granted.Any(r => r.Resources.Split(',').Contains(resource) && r.ResourceNames.Split(',').Contains(name)),
                Is.True, $"drills.yaml touches {resource}/{name}, but the Role does not name it");
        }
    }

    private static IEnumerable<(string Resource, string Name)> TouchedObjects(YamlNode drills)
    {
        foreach (var drill in drills.Items("drills"))
        {
            foreach (var precondition in drill.Items("preconditions"))
            {
                yield return ("deployments", precondition.Str("readyReplicas", "deployment"));
            }

            foreach (var step in drill.Items("steps").Cast<YamlMappingNode>())
            {
                var (kind, body) = (((YamlScalarNode)step.Children.Single().Key).Value, step.Children.Single().Value);
                yield return kind switch
                {
                    "wait" => ("", ""),
                    "scale" => ("deployments", body.Str("deployment")),
                    "enableFailover" or "distributeTraffic" => ("destinationrules", body.Str("destinationRule")),
                    "injectHttpFault" => ("virtualservices", body.Find("virtualService") is null ? body.Str("host") : body.Str("virtualService")),
                    "failWorkload" => ("envoyfilters", body.Find("name") is null ? $"drillbot-fail-{body.Str("workload", "app")}-{body.Str("workload", "version")}" : body.Str("name")),
                    _ => throw new AssertionException($"step kind {kind} is not known to this test"),
                };
            }
        }
    }

    private static async Task<YamlNode> LoadDefaultDrillsAsync() => await LoadDrillsAsync(await ChartRenderer.RenderManifestsAsync());

    private static async Task<YamlNode> LoadDrillsAsync(ManifestSet manifests)
    {
        var directory = Directory.CreateDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, $"drills-{Guid.NewGuid():N}")).FullName;
        var path = await DrillsConfigFile.ExtractAsync(manifests, directory);
        var stream = new YamlStream();
        stream.Load(new StringReader(await File.ReadAllTextAsync(path)));
        return stream.Documents[0].RootNode;
    }
}
