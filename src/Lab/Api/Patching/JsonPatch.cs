using System.Globalization;
using System.Text.Json.Nodes;

namespace DrillBot.Lab.Api;

/// <summary>RFC 6902 JSON patch (add, remove, replace, move, copy, test) over a <see cref="JsonNode"/> tree.</summary>
internal static class JsonPatch
{
    public static JsonNode Apply(JsonNode document, JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            throw new PatchException("json patch must be an array of operations", malformed: true);
        }

        var doc = document;
        foreach (var item in operations)
        {
            if (item is not JsonObject op || op["op"]?.GetValueKind() != System.Text.Json.JsonValueKind.String
                || op["path"]?.GetValueKind() != System.Text.Json.JsonValueKind.String)
            {
                throw new PatchException("every json patch operation needs string 'op' and 'path'", malformed: true);
            }

            var path = op["path"]!.GetValue<string>();
            switch (op["op"]!.GetValue<string>())
            {
                case "add":
                    doc = Add(doc, path, RequireValue(op));
                    break;
                case "remove":
                    doc = Remove(doc, path, out _);
                    break;
                case "replace":
                    doc = Remove(doc, path, out _, "replace");
                    doc = Add(doc, path, RequireValue(op));
                    break;
                case "move":
                    doc = Remove(doc, From(op), out var moved, "move");
                    doc = Add(doc, path, moved);
                    break;
                case "copy":
                    doc = Add(doc, path, Resolve(doc, From(op), "copy")?.DeepClone());
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Resolve(doc, path, "test"), op["value"]))
                    {
                        throw new PatchException($"testing value {path} failed: test failed");
                    }

                    break;
                case var other:
                    throw new PatchException($"Unexpected kind: {other}");
            }
        }

        return doc;
    }

    private static JsonNode? RequireValue(JsonObject op) =>
        op.ContainsKey("value") ? op["value"]?.DeepClone() : throw new PatchException($"{op["op"]} operation has no 'value'", malformed: true);

    private static string From(JsonObject op) =>
        op["from"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? op["from"]!.GetValue<string>()
            : throw new PatchException($"{op["op"]} operation has no 'from'", malformed: true);

    private static List<string> Tokens(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            throw new PatchException($"invalid json pointer '{pointer}'");
        }

        return pointer[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
    }

    private static JsonNode? Resolve(JsonNode doc, string pointer, string op)
    {
        JsonNode? current = doc;
        foreach (var token in Tokens(pointer))
        {
            current = current switch
            {
                JsonObject o when o.TryGetPropertyValue(token, out var v) => v,
                JsonArray a when Index(token, a.Count, false) is { } i => a[i],
                _ => throw new PatchException($"{op} operation does not apply: doc is missing path: \"{pointer}\": missing value"),
            };
        }

        return current;
    }

    private static JsonNode Add(JsonNode doc, string pointer, JsonNode? value)
    {
        var tokens = Tokens(pointer);
        if (tokens.Count == 0)
        {
            return value ?? throw new PatchException("cannot replace the whole document with null");
        }

        var parent = Resolve(doc, ParentPointer(tokens), "add");
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject o:
                o[last] = value;
                break;
            case JsonArray a:
                var index = last == "-" ? a.Count : Index(last, a.Count + 1, true)!.Value;
                a.Insert(index, value);
                break;
            default:
                throw new PatchException($"add operation does not apply: doc is missing path: \"{pointer}\": missing value");
        }

        return doc;
    }

    private static JsonNode Remove(JsonNode doc, string pointer, out JsonNode? removed, string op = "remove")
    {
        var tokens = Tokens(pointer);
        if (tokens.Count == 0)
        {
            throw new PatchException($"{op} operation cannot remove the whole document");
        }

        var parent = Resolve(doc, ParentPointer(tokens), op);
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject o when o.TryGetPropertyValue(last, out removed):
                o.Remove(last);
                break;
            case JsonArray a when Index(last, a.Count, false) is { } i:
                removed = a[i];
                a.RemoveAt(i);
                break;
            default:
                throw new PatchException($"{op} operation does not apply: doc is missing path: \"{pointer}\": missing value");
        }

        return doc;
    }

    private static int? Index(string token, int count, bool throwIfBad)
    {
        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < count)
        {
            return i;
        }

        return throwIfBad ? throw new PatchException($"invalid array index '{token}'") : null;
    }

    private static string ParentPointer(List<string> tokens) =>
        tokens.Count == 1 ? "" : "/" + string.Join('/', tokens.Take(tokens.Count - 1).Select(Escape));

    private static string Escape(string token) =>
        token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
