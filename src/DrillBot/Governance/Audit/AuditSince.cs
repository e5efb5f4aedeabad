using System.Globalization;
using DrillBot.Drills.Definitions.Parsing;

namespace DrillBot.Governance.Audit;

/// <summary><c>--since</c> / <c>?since=</c>: an ISO-8601 time (<c>2025-03-04T03:00:00Z</c>, <c>2025-03-04</c>) or an age before now (<c>24h</c>, <c>7d</c>, <c>30m</c>).</summary>
internal static class AuditSince
{
    public static DateTimeOffset? Parse(string text, DateTimeOffset now)
    {
        text = text.Trim();
        if (text.EndsWith('d') && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var days) && days >= 0)
        {
            return now - TimeSpan.FromDays(days);
        }

        if (DurationParser.TryParse(text, out var age))
        {
            return now - age;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
    }
}
