namespace DrillBot.Lab.Api;

/// <summary>Kubernetes label selectors: <c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a in (x,y)</c>, <c>a notin (x)</c>, <c>a</c>, <c>!a</c>.</summary>
internal sealed class LabelSelector
{
    private readonly List<Func<IReadOnlyDictionary<string, string>, bool>> _requirements = [];

    public static LabelSelector Everything { get; } = new();

    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.All(r => r(labels));

    /// <summary>Parses <paramref name="text"/>; null when it is malformed.</summary>
    public static LabelSelector? Parse(string? text)
    {
        var selector = new LabelSelector();
        if (string.IsNullOrWhiteSpace(text))
        {
            return selector;
        }

        foreach (var raw in SplitTopLevel(text))
        {
            var part = raw.Trim();
            if (part.Length == 0)
            {
                return null;
            }

            if (TrySet(part, " notin ", out var key, out var values))
            {
                selector._requirements.Add(l => !l.TryGetValue(key, out var v) || !values.Contains(v));
            }
            else if (TrySet(part, " in ", out key, out values))
            {
                selector._requirements.Add(l => l.TryGetValue(key, out var v) && values.Contains(v));
            }
            else if (part.Split("!=", 2) is [var k1, var v1])
            {
                var (k, v) = (k1.Trim(), v1.Trim());
                selector._requirements.Add(l => !l.TryGetValue(k, out var x) || x != v);
            }
            else if (part.Split(part.Contains("==", StringComparison.Ordinal) ? "==" : "=", 2) is [var k2, var v2])
            {
                var (k, v) = (k2.Trim(), v2.Trim());
                selector._requirements.Add(l => l.TryGetValue(k, out var x) && x == v);
            }
            else if (part.StartsWith('!'))
            {
                var k = part[1..].Trim();
                selector._requirements.Add(l => !l.ContainsKey(k));
            }
            else if (part.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '/'))
            {
                selector._requirements.Add(l => l.ContainsKey(part));
            }
            else
            {
                return null;
            }
        }

        return selector;
    }

    private static bool TrySet(string part, string op, out string key, out HashSet<string> values)
    {
        key = "";
        values = [];
        var at = part.IndexOf(op, StringComparison.Ordinal);
        if (at <= 0)
        {
            return false;
        }

        var set = part[(at + op.Length)..].Trim();
        if (!set.StartsWith('(') || !set.EndsWith(')'))
        {
            return false;
        }

        key = part[..at].Trim();
        values = set[1..^1].Split(',').Select(v => v.Trim()).ToHashSet(StringComparer.Ordinal);
        return true;
    }

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }
}
