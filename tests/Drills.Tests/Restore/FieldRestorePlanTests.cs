using System.Text.Json.Nodes;
using DrillBot.Drills.Json;
using DrillBot.Drills.Restore;

namespace DrillBot.Drills.Tests.Restore;

public sealed class FieldRestorePlanTests
{
    private static JsonObject J(string json) => JsonTools.Parse(json);

    [Test]
    public void Build_FieldsAbsentBefore_RemovedWithTheParentsTheDrillCreated()
    {
        var prior = J("""{"metadata":{"name":"reviews"},"spec":{"host":"reviews","subsets":[{"name":"v1"}]}}""");
        var change = J("""{"metadata":{"annotations":{"drillbot.io/run":"r","drillbot.io/prior":"{}"}},"spec":{"trafficPolicy":{"outlierDetection":{"consecutive5xxErrors":1},"loadBalancer":{"localityLbSetting":{"enabled":true}}}}}""");
        var current = (JsonObject)StepMerge(prior, change);

        var plan = FieldRestorePlan.Build(prior, change, current, current);

        Assert.That(plan.Desired.ToJsonString(), Is.EqualTo(prior.ToJsonString()));
        Assert.That(plan.Conflicts, Is.Empty);
    }

    [Test]
    public void Build_UntouchedFieldChangedMeanwhile_KeptAndReported()
    {
        var prior = J("""{"metadata":{"name":"d"},"spec":{"replicas":1,"paused":false}}""");
        var change = J("""{"spec":{"replicas":0}}""");
        var applied = J("""{"metadata":{"name":"d"},"spec":{"replicas":0,"paused":false}}""");
        var current = J("""{"metadata":{"name":"d"},"spec":{"replicas":0,"paused":true}}""");

        var plan = FieldRestorePlan.Build(prior, change, current, applied);

        Assert.That(plan.Desired.ToJsonString(), Is.EqualTo("""{"metadata":{"name":"d"},"spec":{"replicas":1,"paused":true}}"""));
        Assert.That(plan.Conflicts.Single(), Does.Contain("spec.paused").And.Contain("kept"));
    }

    [Test]
    public void Build_TouchedFieldChangedMeanwhile_LeftAsTheySetItAndReported()
    {
        var prior = J("""{"spec":{"replicas":1}}""");
        var change = J("""{"spec":{"replicas":0}}""");
        var current = J("""{"spec":{"replicas":3}}""");

        var plan = FieldRestorePlan.Build(prior, change, current, null);

        Assert.That(plan.Desired.ToJsonString(), Is.EqualTo("""{"spec":{"replicas":3}}"""));
        Assert.That(plan.Conflicts.Single(), Does.StartWith("spec.replicas: someone else set it to 3"));
        Assert.That(plan.Restored, Is.Empty);
    }

    [Test]
    public void Build_NeverApplied_NothingToDoNoConflict()
    {
        var prior = J("""{"spec":{"replicas":1}}""");
        var change = J("""{"spec":{"replicas":0}}""");

        var plan = FieldRestorePlan.Build(prior, change, J("""{"spec":{"replicas":1}}"""), null);

        Assert.That(plan.Conflicts, Is.Empty);
        Assert.That(JsonTools.Diff(J("""{"spec":{"replicas":1}}"""), plan.Desired), Is.Empty);
    }

    [Test]
    public void Diff_RemovedAndChangedKeys_MergePatchWithNulls()
    {
        var patch = JsonTools.Diff(J("""{"a":1,"b":{"c":2,"d":3}}"""), J("""{"a":1,"b":{"c":5}}"""));

        Assert.That(patch.ToJsonString(), Is.EqualTo("""{"b":{"d":null,"c":5}}"""));
    }

    [Test]
    public void JsonPath_AnnotationKeys_RoundTripThroughText()
    {
        var path = JsonPath.Of("metadata", "annotations", "drillbot.io/run");

        Assert.That(path.ToString(), Is.EqualTo("metadata.annotations[\"drillbot.io/run\"]"));
        Assert.That(JsonPath.Parse(path.ToString()).Segments, Is.EqualTo(path.Segments));
        Assert.That(JsonPath.Parse("spec.trafficPolicy.outlierDetection").Segments, Is.EqualTo(new[] { "spec", "trafficPolicy", "outlierDetection" }));
    }

    private static JsonNode StepMerge(JsonObject a, JsonObject b)
    {
        var result = (JsonObject)a.DeepClone();
        foreach (var (k, v) in b)
        {
            result[k] = result[k] is JsonObject l && v is JsonObject r ? StepMerge(l, r) : v?.DeepClone();
        }

        return result;
    }
}
