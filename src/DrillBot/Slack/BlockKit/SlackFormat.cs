using System.Globalization;
using System.Text.RegularExpressions;

namespace DrillBot.Slack.BlockKit;

/// <summary>Small formatting rules shared by the message builders (invariant culture throughout).</summary>
internal static partial class SlackFormat
{
    public static string VerdictEmoji(string? verdict) => verdict?.ToLowerInvariant() switch
    {
        "passed" => ":white_check_mark:",
        "failed" => ":x:",
        "aborted" => ":octagonal_sign:",
        "errored" => ":warning:",
        "inconclusive" => ":large_blue_circle:",
        null => ":hourglass_flowing_sand:",
        _ => ":grey_question:",
    };

    public static string RestoreEmoji(string? status) => status?.ToLowerInvariant() switch
    {
        "verified" => ":white_check_mark:",
        "restored" => ":ballot_box_with_check:",
        "failed" => ":rotating_light:",
        _ => ":hourglass_flowing_sand:",
    };

    public static string Seconds(double seconds) =>
        seconds.ToString(seconds < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " s";

    public static string Percent(double ratio) =>
        (ratio * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A date Slack renders in the reader's time zone, with a UTC fallback.</summary>
    public static string Date(DateTimeOffset at) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"<!date^{at.ToUnixTimeSeconds()}^{{date_short_pretty}} {{time}}|{at.UtcDateTime:yyyy-MM-dd HH:mm} UTC>");

    /// <summary>Inline code with backticks removed from the content.</summary>
    public static string Code(string text) => "`" + SlackText.Escape(text.Replace('`', '\'')) + "`";

    /// <summary>A user mention when the ID looks like a Slack user ID, else the escaped name.</summary>
    public static string Who(string? slackUserId, string? name)
    {
        if (slackUserId is not null && UserIdPattern().IsMatch(slackUserId))
        {
            return $"<@{slackUserId}>";
        }

        return string.IsNullOrWhiteSpace(name) ? "someone" : SlackText.Escape(name);
    }

    /// <summary>A link when the URL is absolute http(s); the escaped label otherwise.</summary>
    /// <summary><c>🌙 blackout *weekend* overridden by @ann: _hotfix check_</c>.</summary>
    public static string Override(SlackOverrideView o) =>
        $":crescent_moon: blackout *{SlackText.Escape(o.Blackout)}* overridden by {Who(o.By, o.By)}: _{SlackText.Escape(o.Reason)}_";

    /// <summary>An approver entry: a user ID as a mention, a group ID as a group mention, a handle as text.</summary>
    public static string Approver(string entry) =>
        entry.StartsWith('S') && entry.Length > 1 && entry.All(char.IsAsciiLetterOrDigit) ? $"<!subteam^{entry}>" : Who(entry, entry);

    public static string Approvers(IEnumerable<string> entries) => string.Join(", ", entries.Select(Approver));

    public static string Link(Uri? url, string label) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? $"<{url.AbsoluteUri.Replace("|", "%7C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal)}|{SlackText.Escape(label)}>"
            : SlackText.Escape(label);

    public static string Shares(IReadOnlyDictionary<string, double> shares) =>
        shares.Count == 0
            ? "–"
            : string.Join(" · ", shares.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => $"{SlackText.Escape(s.Key)} {Percent(s.Value)}"));

    [GeneratedRegex("^[UW][A-Z0-9]{2,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserIdPattern();
}
