using System.Text.Json.Nodes;

namespace DrillBot.Drills.Reports;

/// <summary>Readable lines for a field map (<c>{"spec.replicas":1}</c>): the common path prefix once, then <c>field = value</c>, null shown as <c>absent</c>.</summary>
public static class FieldValues
{
    public static (string Prefix, IReadOnlyList<string> Lines) Describe(string json)
    {
        if (JsonNode.Parse(json) is not JsonObject map || map.Count == 0)
        {
            return (string.Empty, [json]);
        }

        if (map.TryGetPropertyValue("$object", out var whole))
        {
            return (string.Empty, [whole is null ? "(object absent)" : $"(object {whole})"]);
        }

        var keys = map.Select(kv => kv.Key).ToList();
        var prefix = keys.Count == 1 ? string.Empty : CommonPrefix(keys);
        var lines = map.Select(kv => $"{kv.Key[prefix.Length..]} = {(kv.Value is null ? "absent" : kv.Value.ToJsonString())}").ToList();
        return (prefix.TrimEnd('.'), lines);
    }

    private static string CommonPrefix(IReadOnlyList<string> keys)
    {
        var first = keys[0];
        var length = first.Length;
        foreach (var k in keys.Skip(1))
        {
            length = Math.Min(length, k.Length);
            for (var i = 0; i < length; i++)
            {
                if (k[i] != first[i])
                {
                    length = i;
                    break;
                }
            }
        }

        var cut = first.LastIndexOf('.', Math.Max(0, length - 1));
        return cut <= 0 ? string.Empty : first[..(cut + 1)];
    }
}
