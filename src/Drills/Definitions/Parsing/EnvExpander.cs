using System.Text;
using System.Text.RegularExpressions;

namespace DrillBot.Drills.Definitions.Parsing;

/// <summary>Expands <c>${VAR}</c> and <c>${VAR:-default}</c> (default used when VAR is unset or empty).</summary>
internal static partial class EnvExpander
{
    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    public static (string Text, IReadOnlyList<string> Undefined) Expand(string text, Func<string, string?> environment)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return (text, []);
        }

        var undefined = new List<string>();
        var result = new StringBuilder();
        var last = 0;
        foreach (Match match in Reference().Matches(text))
        {
            result.Append(text, last, match.Index - last);
            var name = match.Groups[1].Value;
            var value = environment(name);
            if (string.IsNullOrEmpty(value))
            {
                if (match.Groups[2].Success)
                {
                    value = match.Groups[3].Value;
                }
                else
                {
                    undefined.Add(name);
                    value = string.Empty;
                }
            }

            result.Append(value);
            last = match.Index + match.Length;
        }

        result.Append(text, last, text.Length - last);
        return (result.ToString(), undefined);
    }
}
