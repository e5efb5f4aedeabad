namespace DrillBot.Slack.Commands;

/// <summary>
/// Parses <c>application/x-www-form-urlencoded</c> bodies. Never throws: malformed escapes are kept
/// literally, empty pairs are skipped, the first occurrence of a name wins, and at most
/// <see cref="MaxFields"/> fields are read.
/// </summary>
public static class FormBody
{
    public const int MaxFields = 100;

    public static IReadOnlyDictionary<string, string> Parse(string? body)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(body))
        {
            return fields;
        }

        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (fields.Count >= MaxFields)
            {
                break;
            }

            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? string.Empty : Decode(pair[(eq + 1)..]);
            if (name.Length > 0)
            {
                fields.TryAdd(name, value);
            }
        }

        return fields;
    }

    private static string Decode(string value)
    {
        var plus = value.Replace('+', ' ');
        try
        {
            return Uri.UnescapeDataString(plus);
        }
        catch (UriFormatException)
        {
            return plus;
        }
    }
}
