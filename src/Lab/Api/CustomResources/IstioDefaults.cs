using System.Text.Json.Nodes;

namespace DrillBot.Lab.Api;

/// <summary>The runbook's asm.yaml: Gateway, VirtualService bookinfo and the four DestinationRules, no trafficPolicy.</summary>
internal static class IstioDefaults
{
    public static IEnumerable<(string Kind, string Name, JsonObject Spec)> Objects()
    {
        yield return (IstioKinds.Gateway, "bookinfo-gateway", Json("""
            {"selector":{"istio":"ingressgateway"},"servers":[{"port":{"number":80,"name":"http","protocol":"HTTP"},"hosts":["*"]}]}
            """));
        yield return (IstioKinds.VirtualService, "bookinfo", Json("""
            {"hosts":["*"],"gateways":["bookinfo-gateway"],"http":[{"match":[{"uri":{"exact":"/productpage"}},{"uri":{"prefix":"/static"}},
             {"uri":{"exact":"/login"}},{"uri":{"exact":"/logout"}},{"uri":{"prefix":"/api/v1/products"}}],
             "route":[{"destination":{"host":"productpage","port":{"number":9080}}}]}]}
            """));
        yield return (IstioKinds.DestinationRule, "productpage", Rule("productpage", "v1"));
        yield return (IstioKinds.DestinationRule, "reviews", Rule("reviews", "v1", "v2", "v3"));
        yield return (IstioKinds.DestinationRule, "ratings", Rule("ratings", "v1", "v2", "v2-mysql", "v2-mysql-vm"));
        yield return (IstioKinds.DestinationRule, "details", Rule("details", "v1", "v2"));
    }

    private static JsonObject Rule(string host, params string[] versions) => new()
    {
        ["host"] = host,
        ["subsets"] = new JsonArray([.. versions.Select(v => (JsonNode)new JsonObject
        {
            ["name"] = v,
            ["labels"] = new JsonObject { ["version"] = v },
        })]),
    };

    private static JsonObject Json(string text) => (JsonObject)JsonNode.Parse(text)!;
}
