using System.Globalization;
using System.Text.Json.Nodes;

namespace DrillBot.Lab.Api;

/// <summary>
/// Turns a GET answer into a <c>meta.k8s.io/v1</c> Table when the client asks for one
/// (<c>Accept: application/json;as=Table;…</c>, as <c>kubectl get</c> does), so kubectl prints READY, STATUS, AGE….
/// </summary>
internal static class TableRenderer
{
    public const string ContentType = "application/json;as=Table;v=v1;g=meta.k8s.io";

    public static bool Wanted(string? accept) =>
        accept is not null && accept.Contains("as=Table", StringComparison.Ordinal) && accept.Contains("g=meta.k8s.io", StringComparison.Ordinal);

    public static ApiResult Render(ApiResult answer, ResourceType type, bool includeObject, DateTimeOffset now)
    {
        if (answer.Status != 200 || CanonicalJson.ParseObject(answer.Body) is not { } doc)
        {
            return answer;
        }

        var items = doc["items"] is JsonArray list ? list.OfType<JsonObject>().ToList() : [doc];
        var columns = TableColumns.For(type, o => Age(o, now));
        var table = new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = new JsonObject { ["resourceVersion"] = doc["metadata"]?["resourceVersion"]?.DeepClone() },
            ["columnDefinitions"] = new JsonArray([.. columns.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name, ["type"] = c.Type, ["format"] = c.Format, ["description"] = c.Name, ["priority"] = c.Priority,
            })]),
            ["rows"] = new JsonArray([.. items.Select(item => (JsonNode)new JsonObject
            {
                ["cells"] = new JsonArray([.. columns.Select(c => c.Cell(item)?.DeepClone())]),
                ["object"] = includeObject ? item.DeepClone() : new JsonObject
                {
                    ["kind"] = "PartialObjectMetadata",
                    ["apiVersion"] = "meta.k8s.io/v1",
                    ["metadata"] = item["metadata"]?.DeepClone(),
                },
            })]),
        };
        return new ApiResult(200, table.ToJsonString(JsonDefaults.Options)) { ContentType = ContentType };
    }

    /// <summary>kubectl's short age: 45s, 3m12s, 5h, 2d.</summary>
    public static string Age(JsonObject obj, DateTimeOffset now)
    {
        if (!DateTimeOffset.TryParse(obj["metadata"]?["creationTimestamp"]?.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created))
        {
            return "<unknown>";
        }

        var age = now - created;
        return age.TotalSeconds < 1 ? "0s"
            : age.TotalMinutes < 2 ? $"{(int)age.TotalSeconds}s"
            : age.TotalMinutes < 10 ? $"{(int)age.TotalMinutes}m{age.Seconds}s"
            : age.TotalHours < 3 ? $"{(int)age.TotalMinutes}m"
            : age.TotalHours < 48 ? $"{(int)age.TotalHours}h"
            : $"{(int)age.TotalDays}d";
    }
}
