using System.Text.Json.Nodes;

namespace DrillBot.Drills.Json;

/// <summary>A path of object keys into a JSON document, written <c>spec.trafficPolicy.outlierDetection</c> (keys may contain dots: <c>metadata.annotations["drillbot.io/run"]</c> is one segment).</summary>
public sealed record JsonPath(IReadOnlyList<string> Segments)
{
    public static JsonPath Of(params string[] segments) => new(segments);

    /// <summary>Parses the <see cref="ToString"/> form: <c>a.b["c.d/e"].f</c>.</summary>
    public static JsonPath Parse(string text)
    {
        var segments = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                i++;
            }
            else if (text.AsSpan(i).StartsWith("[\"", StringComparison.Ordinal))
            {
                var end = text.IndexOf("\"]", i + 2, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end;
                segments.Add(text[(i + 2)..end]);
                i = end + 2;
            }
            else
            {
                var end = text.IndexOfAny(['.', '['], i);
                end = end < 0 ? text.Length : end;
                segments.Add(text[i..end]);
                i = end;
            }
        }

        return new JsonPath(segments);
    }

    public JsonPath Append(string segment) => new([.. Segments, segment]);

    public JsonPath Parent => new(Segments.Take(Segments.Count - 1).ToList());

    public string Last => Segments[^1];

    public bool StartsWith(JsonPath other) => other.Segments.Count <= Segments.Count && other.Segments.SequenceEqual(Segments.Take(other.Segments.Count), StringComparer.Ordinal);

    /// <summary>The node at this path (null when absent or JSON null), and whether the key exists.</summary>
    public (bool Exists, JsonNode? Value) Find(JsonNode? root)
    {
        var node = root;
        foreach (var s in Segments)
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(s, out var child))
            {
                return (false, null);
            }

            node = child;
        }

        return (true, node);
    }

    /// <summary>Sets the value, creating parent objects as needed.</summary>
    public void Set(JsonObject root, JsonNode? value)
    {
        var node = root;
        foreach (var s in Segments.Take(Segments.Count - 1))
        {
            if (node[s] is not JsonObject child)
            {
                child = new JsonObject();
                node[s] = child;
            }

            node = child;
        }

        node[Last] = value?.DeepClone();
    }

    /// <summary>Removes the key; then removes parents left empty unless <paramref name="keep"/> says they existed before.</summary>
    public void Remove(JsonObject root, Func<JsonPath, bool> keep)
    {
        if (Parent.Find(root).Value is not JsonObject parent)
        {
            return;
        }

        parent.Remove(Last);
        var path = Parent;
        while (path.Segments.Count > 0 && path.Find(root).Value is JsonObject { Count: 0 } && !keep(path))
        {
            ((JsonObject)path.Parent.Find(root).Value!).Remove(path.Last);
            path = path.Parent;
        }
    }

    public override string ToString() => string.Join(".", Segments.Select(s => s.Contains('.', StringComparison.Ordinal) || s.Contains('/', StringComparison.Ordinal) ? $"[\"{s}\"]" : s)).Replace(".[", "[", StringComparison.Ordinal);
}
