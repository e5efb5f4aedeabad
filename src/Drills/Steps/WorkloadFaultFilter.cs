using System.Globalization;
using System.Text.Json.Nodes;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Steps;

/// <summary>
/// The EnvoyFilter of a <c>failWorkload</c> step: <c>applyTo: HTTP_FILTER</c> in <c>SIDECAR_INBOUND</c>, inserted
/// before the router, an <c>envoy.filters.http.fault</c> abort (HTTPFault, FractionalPercent). The form Istio's
/// EnvoyFilter docs give and the Lab models (docs/lab.md, "EnvoyFilter inbound faults act in the selected pods").
/// </summary>
internal static class WorkloadFaultFilter
{
    public const string ApiVersion = "networking.istio.io/v1alpha3";

    public static StepChange Build(FailWorkloadStep step, ObjectRef target)
    {
        var labels = new JsonObject(step.Workload.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value))));
        var patch = new JsonObject
        {
            ["applyTo"] = "HTTP_FILTER",
            ["match"] = new JsonObject
            {
                ["context"] = "SIDECAR_INBOUND",
                ["listener"] = new JsonObject
                {
                    ["filterChain"] = new JsonObject
                    {
                        ["filter"] = new JsonObject
                        {
                            ["name"] = "envoy.filters.network.http_connection_manager",
                            ["subFilter"] = new JsonObject { ["name"] = "envoy.filters.http.router" },
                        },
                    },
                },
            },
            ["patch"] = new JsonObject
            {
                ["operation"] = "INSERT_BEFORE",
                ["value"] = new JsonObject
                {
                    ["name"] = "envoy.filters.http.fault",
                    ["typed_config"] = new JsonObject
                    {
                        ["@type"] = "type.googleapis.com/envoy.extensions.filters.http.fault.v3.HTTPFault",
                        ["abort"] = new JsonObject { ["http_status"] = step.HttpStatus, ["percentage"] = Fraction(step.Percentage) },
                    },
                },
            },
        };
        var body = new JsonObject
        {
            ["apiVersion"] = ApiVersion,
            ["kind"] = "EnvoyFilter",
            ["metadata"] = new JsonObject { ["name"] = step.Name, ["namespace"] = step.Namespace },
            ["spec"] = new JsonObject
            {
                ["workloadSelector"] = new JsonObject { ["labels"] = labels },
                ["configPatches"] = new JsonArray(patch),
            },
        };
        var selector = string.Join(",", step.Workload.Select(kv => $"{kv.Key}={kv.Value}"));
        return new StepChange(target, ChangeKind.Create, body,
            $"create EnvoyFilter {step.Namespace}/{step.Name}: pods {selector} answer {step.HttpStatus} to {Format(step.Percentage)}% of inbound requests");
    }

    /// <summary>Envoy's FractionalPercent: whole percents over HUNDRED, anything finer over MILLION.</summary>
    internal static JsonObject Fraction(double percent) => percent == Math.Floor(percent)
        ? new JsonObject { ["numerator"] = (int)percent, ["denominator"] = "HUNDRED" }
        : new JsonObject { ["numerator"] = (int)Math.Round(percent * 10_000), ["denominator"] = "MILLION" };

    private static string Format(double percent) => percent.ToString("0.####", CultureInfo.InvariantCulture);
}
