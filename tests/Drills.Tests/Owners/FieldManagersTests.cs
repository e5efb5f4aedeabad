using DrillBot.Drills.Drift;
using DrillBot.Drills.Json;

namespace DrillBot.Drills.Tests.Owners;

/// <summary>Who wrote a field, read from managedFields as real API servers write them.</summary>
public sealed class FieldManagersTests
{
    private static readonly string Deployment = """
        {"metadata":{"managedFields":[
          {"manager":"kubectl-client-side-apply","operation":"Update","time":"2025-01-01T10:00:00Z","fieldsV1":{"f:metadata":{"f:annotations":{".":{},"f:kubectl.kubernetes.io/last-applied-configuration":{}}},"f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"reviews\"}":{".":{},"f:image":{}}}}}}}},
          {"manager":"drillbot","operation":"Update","subresource":"scale","time":"2025-01-01T10:05:00Z","fieldsV1":{"f:spec":{"f:replicas":{}}}},
          {"manager":"argocd-controller","operation":"Apply","time":"2025-01-01T10:05:04Z","fieldsV1":{"f:spec":{"f:replicas":{},"f:selector":{}}}}
        ]}}
        """;

    [Test]
    public void Of_FieldOwnedByTwo_LatestFirst()
    {
        var managers = FieldManagers.Of(JsonTools.Parse(Deployment), JsonPath.Of("spec", "replicas"));

        Assert.That(managers, Is.EqualTo(new[] { "argocd-controller", "drillbot" }));
    }

    [Test]
    public void Of_PathInsideAList_OwnedThroughTheListItem()
    {
        var managers = FieldManagers.Of(JsonTools.Parse(Deployment), JsonPath.Of("spec", "template", "spec", "containers"));

        Assert.That(managers, Is.EqualTo(new[] { "kubectl-client-side-apply" }));
    }

    [Test]
    public void Of_UnownedFieldOrNoManagedFields_Empty()
    {
        Assert.That(FieldManagers.Of(JsonTools.Parse(Deployment), JsonPath.Of("spec", "strategy")), Is.Empty);
        Assert.That(FieldManagers.Of(JsonTools.Parse("""{"spec":{"replicas":1}}"""), JsonPath.Of("spec", "replicas")), Is.Empty);
    }
}
