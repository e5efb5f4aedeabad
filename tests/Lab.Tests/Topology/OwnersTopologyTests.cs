namespace DrillBot.Lab.Tests.Topology;

/// <summary>The topology file's <c>owners:</c>, <c>identities:</c> and owner timing knobs.</summary>
public sealed class OwnersTopologyTests
{
    private const string Yaml = """
        timing: { selfHealDelay: 2s, autoscalerSyncPeriod: 3s }
        owners:
          - { kind: argocd, context: ack-hangzhou, name: bookinfo, objects: [Deployment/reviews-v1] }
          - { kind: flux, context: asm, name: mesh, namespace: flux-system, objects: [DestinationRule/reviews] }
          - { kind: keda, context: ack-hangzhou, name: reviews-v1, target: reviews-v1, minReplicas: 1, maxReplicas: 4 }
          - { kind: hpa, context: ack-shanghai, name: reviews-v2, target: reviews-v2 }
        identities:
          - name: drillbot
            rules:
              - { namespaces: [default], apiGroups: [apps], resources: [deployments/scale], resourceNames: [reviews-v1], verbs: [get, patch] }
              - { contexts: [asm], apiGroups: [""], resources: [configmaps], verbs: [get] }
        """;

    [Test]
    public void Parse_OwnersIdentitiesAndTiming_AllRead()
    {
        var result = LabTopologyLoader.Parse(Yaml, "t.yaml");

        Assert.That(result.Problems, Is.Empty, string.Join("\n", result.Problems));
        var t = result.Topology!;
        Assert.Multiple(() =>
        {
            Assert.That((t.Timing.SelfHealDelay, t.Timing.AutoscalerSyncPeriod), Is.EqualTo((TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3))));
            Assert.That(t.Owners.Select(o => (o.Kind, o.Context, o.Name)), Is.EqualTo(new[]
            {
                (LabOwnerKind.ArgoCd, "ack-hangzhou", "bookinfo"), (LabOwnerKind.Flux, "asm", "mesh"), (LabOwnerKind.Keda, "ack-hangzhou", "reviews-v1"), (LabOwnerKind.Hpa, "ack-shanghai", "reviews-v2"),
            }));
            Assert.That(t.Owners[2].Min, Is.EqualTo(1));
            Assert.That(t.Owners[3].Min, Is.EqualTo(1), "an HPA's default minReplicas");
            Assert.That(t.Identities.Single().Rules[1].ApiGroups, Is.EqualTo(new[] { "" }), "the core group");
            Assert.That(t.Identities.Single().Rules[1].Contexts, Is.EqualTo(new[] { "asm" }));
        });
    }

    [TestCase("owners:\n  - { kind: jenkins, context: asm, name: x }\n", "owners[0].kind: 'jenkins' is not one of argocd, flux, keda, hpa")]
    [TestCase("owners:\n  - { kind: argocd, context: asm, name: x, objects: [Deployment/reviews-v1] }\n", "owners[0].objects[0]: 'Deployment/reviews-v1' is not an object of context 'asm'")]
    [TestCase("owners:\n  - { kind: hpa, context: ack-hangzhou, name: x, target: nope }\n", "owners[0].target: 'nope' is not a Deployment of context 'ack-hangzhou'")]
    [TestCase("identities:\n  - { name: admin }\n", "identities[0].name: 'admin' is not a valid identity name")]
    public void Parse_BadOwnerOrIdentity_NamesTheField(string yaml, string expected)
    {
        var result = LabTopologyLoader.Parse(yaml, "t.yaml");

        Assert.That(result.Problems, Has.Some.Contains(expected), string.Join("\n", result.Problems));
    }
}
