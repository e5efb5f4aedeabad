using System.Text.Json;
using k8s;

namespace DrillBot.Lab.Tests;

/// <summary>Server-side faults (EnvoyFilter) and plain VirtualServices, created through KubernetesClient.</summary>
internal static class FaultPolicies
{
    /// <summary>The runbook's failover DestinationRule with the outlier detector's defaults for maxEjectionPercent (10 %).</summary>
    public const string FailoverDefaultMaxEjection = """
        {"spec":{"trafficPolicy":{
          "outlierDetection":{"consecutive5xxErrors":1,"interval":"1s","baseEjectionTime":"1m"},
          "loadBalancer":{"localityLbSetting":{"enabled":true,"failover":[{"from":"cn-hangzhou","to":"cn-shanghai"},{"from":"cn-shanghai","to":"cn-hangzhou"}]}}}}}
        """;

    /// <summary>An EnvoyFilter adding envoy.filters.http.fault (abort 503, 100/HUNDRED) to the inbound chain of app=reviews,version=v1.</summary>
    public static string InboundAbort(string name = "reviews-v1-abort", string operation = "INSERT_BEFORE", string context = "SIDECAR_INBOUND",
        string applyTo = "HTTP_FILTER", int numerator = 100) => """
        {"apiVersion":"networking.istio.io/v1alpha3","kind":"EnvoyFilter","metadata":{"name":"NAME"},
         "spec":{"workloadSelector":{"labels":{"app":"reviews","version":"v1"}},
          "configPatches":[{"applyTo":"APPLYTO",
            "match":{"context":"CONTEXT","listener":{"filterChain":{"filter":{"name":"envoy.filters.network.http_connection_manager",
              "subFilter":{"name":"envoy.filters.http.router"}}}}},
            "patch":{"operation":"OPERATION","value":{"name":"envoy.filters.http.fault","typed_config":{
              "@type":"type.googleapis.com/envoy.extensions.filters.http.fault.v3.HTTPFault",
              "abort":{"http_status":503,"percentage":{"numerator":NUMERATOR,"denominator":"HUNDRED"}}}}}}]}}
        """.Replace("NAME", name, StringComparison.Ordinal).Replace("APPLYTO", applyTo, StringComparison.Ordinal)
        .Replace("CONTEXT", context, StringComparison.Ordinal).Replace("OPERATION", operation, StringComparison.Ordinal)
        .Replace("NUMERATOR", numerator.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Like <see cref="InboundAbort"/>, but the pods' inbound sidecar delays every request by <paramref name="fixedDelay"/> and answers it.</summary>
    public static string InboundDelay(string fixedDelay, string name = "reviews-v1-delay") => InboundAbort(name).Replace(
        "\"abort\":{\"http_status\":503,\"percentage\":{\"numerator\":100,\"denominator\":\"HUNDRED\"}}",
        $"\"delay\":{{\"fixed_delay\":\"{fixedDelay}\",\"percentage\":{{\"numerator\":100,\"denominator\":\"HUNDRED\"}}}}", StringComparison.Ordinal);

    public static Task<object> CreateEnvoyFilterAsync(TestLab lab, string json, string version = "v1alpha3") =>
        lab.Kube("asm").CustomObjects.CreateNamespacedCustomObjectAsync(
            JsonSerializer.Deserialize<Dictionary<string, object>>(json)!, "networking.istio.io", version, "default", "envoyfilters");

    /// <summary>A VirtualService on reviews with one route and no fault (optionally a subset and a retries block).</summary>
    public static Task<object> CreateReviewsRouteAsync(TestLab lab, string? subset = null, string? retries = null)
    {
        var destination = subset is null ? """{"host":"reviews"}""" : $$"""{"host":"reviews","subset":"{{subset}}"}""";
        var retry = retries is null ? "" : $",\"retries\":{retries}";
        var json = """{"apiVersion":"networking.istio.io/v1","kind":"VirtualService","metadata":{"name":"reviews"},"spec":{"hosts":["reviews"],"http":[{"route":[{"destination":"""
            + destination + "}]" + retry + "}]}}";
        return lab.Kube("asm").CustomObjects.CreateNamespacedCustomObjectAsync(
            JsonSerializer.Deserialize<Dictionary<string, object>>(json)!, "networking.istio.io", "v1", "default", "virtualservices");
    }
}
