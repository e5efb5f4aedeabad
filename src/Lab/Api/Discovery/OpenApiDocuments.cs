using System.Text.Json.Nodes;
using DrillBot.Lab.State;

namespace DrillBot.Lab.Api;

/// <summary>
/// Just enough OpenAPI v3 (https://kubernetes.io/docs/concepts/overview/kubernetes-api/#openapi-v3) for <c>kubectl apply</c>:
/// <c>/openapi/v3</c> lists each served group/version; each group/version document has, per kind, a PATCH operation tagged
/// with <c>x-kubernetes-group-version-kind</c> that declares the <c>fieldValidation</c> and <c>dryRun</c> query parameters (so
/// kubectl leaves field validation to the server instead of downloading OpenAPI v2) and a schema that accepts any fields
/// (<c>x-kubernetes-preserve-unknown-fields</c>). The Lab does not validate field names: a typo is stored (docs/lab.md, "Honest
/// limits"). kubectl then patches custom resources with a JSON merge patch and built-in types with a strategic merge patch
/// from its own compiled-in types.
/// </summary>
internal static class OpenApiDocuments
{
    /// <summary>
    /// <c>/openapi/v2</c>: kubectl downloads it (as protobuf) before any validation; an empty document — no definitions — makes
    /// kubectl skip client-side schema validation ("resource is not present, let's just skip validation").
    /// </summary>
    public static ApiResult EmptyV2() => new(200, "") { ContentType = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf" };

    public static string Root(ContextState context)
    {
        var paths = new JsonObject();
        foreach (var gv in GroupVersions(context))
        {
            paths[gv] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{gv}?hash=lab" };
        }

        return new JsonObject { ["paths"] = paths }.ToJsonString(JsonDefaults.Options);
    }

    /// <summary>The document of <paramref name="gv"/> (<c>api/v1</c>, <c>apis/apps/v1</c>), or null when not served.</summary>
    public static string? GroupVersion(ContextState context, string gv)
    {
        var types = ResourceCatalog.ServedBy(context).Where(t => t.Versions.Any(v => Path(t.Group, v) == gv)).ToList();
        if (types.Count == 0)
        {
            return null;
        }

        var version = gv.Split('/')[^1];
        var schemas = new JsonObject();
        var paths = new JsonObject();
        foreach (var type in types)
        {
            JsonArray Gvk() => new(new JsonObject { ["group"] = type.Group, ["kind"] = type.Kind, ["version"] = version });
            schemas[SchemaName(type, version)] = new JsonObject
            {
                ["type"] = "object",
                ["x-kubernetes-preserve-unknown-fields"] = true,
                ["x-kubernetes-group-version-kind"] = Gvk(),
            };
            if (type.Verbs.Contains("patch"))
            {
                var scope = type.Namespaced ? "namespaces/{namespace}/" : "";
                paths[$"/{gv}/{scope}{type.Plural}/{{name}}"] = new JsonObject
                {
                    ["patch"] = new JsonObject
                    {
                        ["operationId"] = $"patch{type.Kind}",
                        ["x-kubernetes-action"] = "patch",
                        ["x-kubernetes-group-version-kind"] = Gvk(),
                        ["parameters"] = new JsonArray(
                            new JsonObject { ["name"] = "dryRun", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string" } },
                            new JsonObject { ["name"] = "fieldManager", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string" } },
                            new JsonObject { ["name"] = "fieldValidation", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string" } }),
                    },
                };
            }
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes (DrillBot Lab)", ["version"] = "v1.32.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        }.ToJsonString(JsonDefaults.Options);
    }

    private static IEnumerable<string> GroupVersions(ContextState context) =>
        ResourceCatalog.ServedBy(context).SelectMany(t => t.Versions.Select(v => Path(t.Group, v))).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    private static string Path(string group, string version) => group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}";

    private static string SchemaName(ResourceType type, string version) =>
        $"{string.Join('.', (type.Group.Length == 0 ? "core" : type.Group).Split('.').Reverse())}.{version}.{type.Kind}";
}
