using System.Text.RegularExpressions;

namespace DrillBot.Drills.Definitions.Parsing;

/// <summary>Reads <c>probe:</c> and its classification rules.</summary>
internal static class ProbeParser
{
    /// <summary>A stand-in URL of the shared <c>probe:</c> settings when every <c>probes:</c> entry gives its own.</summary>
    internal static readonly Uri PerEntry = new("http://per-entry.invalid/");

    /// <param name="ctx">The parse context.</param>
    /// <param name="map">The <c>probe:</c> mapping.</param>
    /// <param name="urlPerEntry">The drill has <c>probes:</c>: each entry gives its URL, so <c>probe.url</c> must not be given.</param>
    public static ProbeDefinition? Parse(YamlContext ctx, MapReader? map, bool urlPerEntry = false)
    {
        if (map is null)
        {
            return null;
        }

        Uri? url;
        if (urlPerEntry)
        {
            if (map.Get("url") is { } given)
            {
                ctx.Problem(given, $"{map.Sub("url")}: with 'probes', each entry gives its own url; remove this one");
            }

            url = PerEntry;
        }
        else
        {
            url = Url(ctx, map);
        }

        var interval = map.Duration("interval", required: true);
        var timeout = map.Duration("timeout") ?? TimeSpan.FromSeconds(2);
        var maxInFlight = map.Int("maxInFlight", min: 1, max: 1000) ?? 64;
        var rules = new List<ClassifyRule>();
        var nodes = map.List("classify", required: true);
        for (var i = 0; i < nodes.Count; i++)
        {
            var rule = ParseRule(ctx, MapReader.Of(ctx, nodes[i], $"{map.Sub("classify")}[{i}]"));
            if (rule is not null)
            {
                rules.Add(rule);
            }
        }

        map.Done();
        return url is null || interval is null ? null : new ProbeDefinition(url, interval.Value, timeout, rules, maxInFlight);
    }

    /// <summary>The required absolute http(s) <c>url</c> of <paramref name="map"/>, or null (and a problem).</summary>
    public static Uri? Url(YamlContext ctx, MapReader map)
    {
        var urlText = map.String("url", required: true);
        Uri? url = null;
        if (urlText is not null && ctx.IsUnknown(map.Get("url")))
        {
            // an undefined ${VAR} (validate only): the address is unknown, the rest of the drill is still checked
            url = new Uri("http://undefined.invalid/");
        }
        else if (urlText is not null && (!Uri.TryCreate(urlText, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            ctx.Problem(map.Get("url")!, $"{map.Sub("url")}: expected an absolute http(s) URL, found '{urlText}'");
            url = null;
        }

        return url;
    }

    private static ClassifyRule? ParseRule(YamlContext ctx, MapReader? map)
    {
        if (map is null)
        {
            return null;
        }

        var name = map.String("class", required: true);
        var status = map.Int("status", min: 100, max: 599);
        var contains = map.String("bodyContains");
        var matchesText = map.String("bodyMatches");
        var ok = map.Bool("ok") ?? true;
        map.Done();
        Regex? matches = null;
        if (matchesText is not null)
        {
            try
            {
                matches = new Regex(matchesText, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
            }
            catch (ArgumentException e)
            {
                ctx.Problem(map.Get("bodyMatches")!, $"{map.Sub("bodyMatches")}: invalid regular expression: {e.Message}");
            }
        }

        if (status is null && contains is null && matchesText is null)
        {
            ctx.Problem(map.Location, $"{map.Path}: give at least one of 'status', 'bodyContains', 'bodyMatches'");
        }

        if (string.Equals(name, "error", StringComparison.Ordinal))
        {
            ctx.Problem(map.Get("class")!, $"{map.Sub("class")}: 'error' is reserved for responses no rule matches");
        }

        return name is null ? null : new ClassifyRule(name, status, contains, matches, ok);
    }
}
