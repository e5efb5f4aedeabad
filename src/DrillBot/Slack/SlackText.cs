using System.Globalization;
using System.Text;

namespace DrillBot.Slack;

/// <summary>Text helpers for Slack: escaping for <c>mrkdwn</c> and length limits that never split a character.</summary>
public static class SlackText
{
    private const string Ellipsis = "…";

    /// <summary>
    /// Escapes <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> so user-supplied text cannot form links or mentions
    /// such as <c>&lt;!channel&gt;</c>.
    /// </summary>
    public static string Escape(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>
    /// Cuts <paramref name="text"/> to at most <paramref name="max"/> UTF-16 units, ending with "…" when
    /// cut; never splits a surrogate pair or combined character, never leaves an unterminated
    /// <c>&lt;link|label&gt;</c> or <c>&amp;entity;</c> behind.
    /// </summary>
    public static string Truncate(string? text, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (string.IsNullOrEmpty(text) || text.Length <= max)
        {
            return text ?? "";
        }

        var budget = max - Ellipsis.Length;
        var cut = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var end = elements.ElementIndex + elements.GetTextElement().Length;
            if (end > budget)
            {
                break;
            }

            cut = end;
        }

        var head = text[..cut];
        var open = head.LastIndexOf('<');
        if (open >= 0 && head.IndexOf('>', open) < 0)
        {
            head = head[..open];
        }

        var amp = head.LastIndexOf('&');
        if (amp >= 0 && head.IndexOf(';', amp) < 0 && amp >= head.Length - 6)
        {
            head = head[..amp];
        }

        return head + Ellipsis;
    }

    /// <summary>Joins lines and truncates the result to <paramref name="max"/>.</summary>
    public static string JoinLines(IEnumerable<string> lines, int max)
    {
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            builder.Append(line);
            if (builder.Length > max)
            {
                break;
            }
        }

        return Truncate(builder.ToString(), max);
    }
}
