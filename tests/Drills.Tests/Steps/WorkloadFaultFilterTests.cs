using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Steps;

namespace DrillBot.Drills.Tests.Steps;

public sealed class WorkloadFaultFilterTests
{
    private static FailWorkloadStep Step(double percentage) => new()
    {
        Cluster = "mesh", Namespace = "default", Name = "drillbot-fail-reviews-v1",
        Workload = new Dictionary<string, string> { ["app"] = "reviews", ["version"] = "v1" }, HttpStatus = 503, Percentage = percentage,
    };

    [Test]
    public void Build_NoObject_CreatesTheInboundFaultEnvoyFilter()
    {
        var change = ChangeBuilder.Build(Step(100), null)!;

        Assert.That(change.Kind, Is.EqualTo(ChangeKind.Create));
        Assert.That(change.Target, Is.EqualTo(new ObjectRef("mesh", ObjectKind.EnvoyFilter, "default", "drillbot-fail-reviews-v1")));
        Assert.That(change.Fields.ToJsonString(), Is.EqualTo(
            """{"apiVersion":"networking.istio.io/v1alpha3","kind":"EnvoyFilter","metadata":{"name":"drillbot-fail-reviews-v1","namespace":"default"},"spec":{"workloadSelector":{"labels":{"app":"reviews","version":"v1"}},"configPatches":[{"applyTo":"HTTP_FILTER","match":{"context":"SIDECAR_INBOUND","listener":{"filterChain":{"filter":{"name":"envoy.filters.network.http_connection_manager","subFilter":{"name":"envoy.filters.http.router"}}}}},"patch":{"operation":"INSERT_BEFORE","value":{"name":"envoy.filters.http.fault","typed_config":{"@type":"type.googleapis.com/envoy.extensions.filters.http.fault.v3.HTTPFault","abort":{"http_status":503,"percentage":{"numerator":100,"denominator":"HUNDRED"}}}}}}]}}"""));
        Assert.That(change.Description, Does.Contain("pods app=reviews,version=v1 answer 503 to 100% of inbound requests"));
    }

    [Test]
    public void Build_FractionalPercentage_UsesMillionDenominator()
    {
        var change = ChangeBuilder.Build(Step(12.5), null)!;

        Assert.That(change.Fields.ToJsonString(), Does.Contain("\"percentage\":{\"numerator\":125000,\"denominator\":\"MILLION\"}"));
    }

    [Test]
    public void Build_ObjectAlreadyThere_NoChange()
    {
        Assert.That(ChangeBuilder.Build(Step(100), new System.Text.Json.Nodes.JsonObject()), Is.Null, "someone else's EnvoyFilter is never replaced");
    }
}
