using System.Text;
using System.Text.RegularExpressions;

namespace DrillBot.Store;

/// <summary>Removes secrets from connection strings and from messages that may quote one.</summary>
internal static partial class ConnectionStringRedactor
{
    public const string Mask = "***";

    /// <summary>
    /// Masks every <c>Password=</c>/<c>Pwd=</c> value (quoted or not) and the password of a
    /// <c>scheme://user:password@host</c> URL, and folds the text onto one line.
    /// </summary>
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var redacted = PasswordPair().Replace(text, m => m.Groups["key"].Value + "=" + Mask);
        redacted = UrlPassword().Replace(redacted, m => m.Groups["head"].Value + Mask + "@");
        return OneLine(redacted);
    }

    /// <summary>Redacts <paramref name="text"/> and also masks every occurrence of a known secret.</summary>
    public static string Redact(string? text, string? secret)
    {
        var redacted = Redact(text);
        return string.IsNullOrEmpty(secret) ? redacted : redacted.Replace(secret, Mask, StringComparison.Ordinal);
    }

    /// <summary>Control characters (new lines included) become single spaces.</summary>
    public static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        var lastWasSpace = false;
        foreach (var c in text)
        {
            var isSpace = char.IsControl(c) || char.IsWhiteSpace(c);
            if (isSpace && lastWasSpace)
            {
                continue;
            }

            builder.Append(isSpace ? ' ' : c);
            lastWasSpace = isSpace;
        }

        return builder.ToString().Trim();
    }

    [GeneratedRegex("""(?<key>\b(?:password|pwd))\s*=\s*(?:"(?:[^"]|"")*"?|'(?:[^']|'')*'?|[^;]*)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordPair();

    [GeneratedRegex("""(?<head>\b[a-z][a-z0-9+.-]*://[^:/@\s]*:)[^@\s]*@""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPassword();
}
