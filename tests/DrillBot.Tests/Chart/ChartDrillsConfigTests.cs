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
                Is.EqualTo(new[] { "reviews-failover", "reviews-distribution", "reviews-region-outage" }));
            Assert.That(drills.Str("clusters", "hangzhou", "context"), Is.EqualTo("ack-hangzhou"));
            Assert.That(drills.Str("clusters", "shanghai", "context"), Is.EqualTo("ack-shanghai"));
            Assert.That(drills.Str("clusters", "mesh", "context"), Is.EqualTo("asm"));
        });
    }

    [Test]
    public async Task DrillsConfigMap_DefaultValues_EveryObjectTheDrillsTouchIsGrantedByTheRole()
    {
        var manifests = await ChartRenderer.RenderManifestsAsync();
        var drills = await LoadDrillsAsync(manifests);
        var granted = PolicyRule.From(manifests.Single("Role"));

        foreach (var (resource, name) in TouchedObjects(drills))
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
                    "scale" => ("deployments", body.Str("deployment")),
                    "enableFailover" or "distributeTraffic" => ("destinationrules", body.Str("destinationRule")),
                    "injectHttpFault" => ("virtualservices", body.Str("virtualService")),
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
