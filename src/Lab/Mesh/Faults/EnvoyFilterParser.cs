using System.Text.Json.Nodes;
using DrillBot.Lab.Api;

namespace DrillBot.Lab.Mesh;

/// <summary>
/// Reads the EnvoyFilters (networking.istio.io/v1alpha3) of the Bookinfo namespace and the root namespace and
/// keeps the one form the Lab models: <c>applyTo: HTTP_FILTER</c>, <c>match.context: SIDECAR_INBOUND</c>, a patch
/// that puts <c>envoy.filters.http.fault</c> (envoy.extensions.filters.http.fault.v3.HTTPFault) ahead of the
/// router. Everything else is reported as <see cref="NotModelled"/> and has no effect.
/// </summary>
internal static partial class EnvoyFilterParser
{
    public const string FaultFilter = "envoy.filters.http.fault";
    private const string Router = "envoy.filters.http.router";
    private const string Cors = "envoy.filters.http.cors";
    private const string ConnectionManager = "envoy.filters.network.http_connection_manager";

    public static List<ServerFault> Parse(ObjectStore store, string ns, List<NotModelled> notModelled)
    {
        var faults = new List<ServerFault>();
        foreach (var filterNs in new[] { ns, ServerFault.RootNamespace }.Distinct(StringComparer.Ordinal))
        {
            foreach (var filter in store.List(IstioKinds.EnvoyFilter, filterNs))
            {
                Read(filter, filterNs, faults, notModelled);
            }
        }

        return faults;
    }

    private static void Read(JsonObject filter, string ns, List<ServerFault> faults, List<NotModelled> notModelled)
    {
        var source = $"{IstioKinds.EnvoyFilter}/{ns}/{ObjectMetadata.Name(filter)}";
        var spec = filter["spec"] as JsonObject ?? [];
        if (spec["targetRefs"] is not null)
        {
            notModelled.Add(new NotModelled(source, "targetRefs (only workloadSelector.labels selects pods in the Lab)"));
            return;
        }

        var selector = (spec["workloadSelector"]?["labels"] as JsonObject ?? [])
            .ToDictionary(l => l.Key, l => l.Value?.ToString() ?? "", StringComparer.Ordinal);
        if (selector.Keys.Any(k => k is not ("app" or "version")))
        {
            notModelled.Add(new NotModelled(source, "workloadSelector.labels other than app/version"));
            return;
        }

        var patches = (spec["configPatches"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (patches.Count == 0)
        {
            notModelled.Add(new NotModelled(source, "no configPatches"));
        }

        for (var i = 0; i < patches.Count; i++)
        {
            var why = Patch(patches[i], out var fault);
            if (why is not null)
            {
                notModelled.Add(new NotModelled(source, $"configPatches[{i}]: {why}"));
            }
            else if (fault is not null)
            {
                faults.Add(new ServerFault(source, ns, selector, fault));
            }
        }
    }

    /// <summary>Null when the patch is the modelled fault form (<paramref name="fault"/> set); otherwise why not.</summary>
    private static string? Patch(JsonObject patch, out HttpFaultSpec? fault)
    {
        fault = null;
        var applyTo = patch["applyTo"]?.ToString();
        if (applyTo != "HTTP_FILTER")
        {
            return $"applyTo {applyTo ?? "(missing)"} (only HTTP_FILTER is modelled)";
        }

        var match = patch["match"] as JsonObject ?? [];
        var context = match["context"]?.ToString() ?? "ANY";
        if (context != "SIDECAR_INBOUND")
        {
            return $"match.context {context} (only SIDECAR_INBOUND is modelled)";
        }

        var listener = match["listener"] as JsonObject ?? [];
        if (VirtualServiceParser.Int(listener["portNumber"]) is { } port && port != 9080)
        {
            return $"match.listener.portNumber {port} (Bookinfo serves 9080)";
        }

        var networkFilter = listener["filterChain"]?["filter"]?["name"]?.ToString();
        if (networkFilter is not null && networkFilter != ConnectionManager)
        {
            return $"match.listener.filterChain.filter.name {networkFilter}";
        }

        var subFilter = listener["filterChain"]?["filter"]?["subFilter"]?["name"]?.ToString();
        var operation = patch["patch"]?["operation"]?.ToString();
        var value = patch["patch"]?["value"] as JsonObject;
        if (Placement(operation, subFilter) is { } placement)
        {
            return placement;
        }

        var name = value?["name"]?.ToString() ?? (operation == "MERGE" ? FaultFilter : null);
        if (name != FaultFilter)
        {
            return $"filter {name ?? "(no name)"} (only {FaultFilter} is modelled)";
        }

        return FaultConfig(value?["typed_config"] as JsonObject ?? value?["typedConfig"] as JsonObject, out fault);
    }

    private static string? Placement(string? operation, string? subFilter) => operation switch
    {
        "INSERT_FIRST" => null,
        "INSERT_BEFORE" when subFilter is null or Router or FaultFilter or Cors => null,
        "INSERT_AFTER" when subFilter is FaultFilter or Cors => null,
        "MERGE" when subFilter == FaultFilter => null,
        "MERGE" => $"MERGE into {subFilter ?? "(no subFilter)"} (only a merge into Istio's own {FaultFilter} is modelled)",
        "ADD" or "INSERT_AFTER" when subFilter is null or Router =>
            $"{operation} puts the filter after {Router}, the terminal filter: it never runs (Istio appends ADD to the HTTP filter list)",
        "INSERT_BEFORE" or "INSERT_AFTER" => $"{operation} relative to {subFilter} (the Lab models the inbound chain as {FaultFilter}, {Cors}, {Router})",
        _ => $"patch.operation {operation ?? "(missing)"}",
    };
}
