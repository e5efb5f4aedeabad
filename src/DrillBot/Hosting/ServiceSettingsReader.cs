using System.Text.RegularExpressions;
using DrillBot.Slack;
using DrillBot.Store;

namespace DrillBot.Hosting;

/// <summary>Reads <see cref="ServiceSettings"/> from environment variables, reporting every bad value at once (one line each, naming the variable).</summary>
public static partial class ServiceSettingsReader
{
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._\-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex InstanceIdPattern();

    /// <summary>The settings, or null with <paramref name="problems"/> filled.</summary>
    public static ServiceSettings? Read(Func<string, string?> getVariable, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        StoreLocation? store = null;
        if (!StoreLocation.TryParse(getVariable(StoreLocation.VariableName), out var location, out var storeError))
        {
            found.Add(storeError);
        }
        else
        {
            store = location;
        }

        var slack = SlackOptions.FromEnvironment(getVariable);
        found.AddRange(slack.Validate());
        if (Blank(getVariable("SLACK_API_BASE")) is { } apiBase && SlackOptions.NormalizeBase(apiBase) is null)
        {
            found.Add($"SLACK_API_BASE must be an absolute http(s) URL, got '{apiBase}'.");
        }

        var instance = Blank(getVariable("DRILLBOT_INSTANCE_ID"));
        if (instance is not null && !InstanceIdPattern().IsMatch(instance))
        {
            found.Add($"DRILLBOT_INSTANCE_ID must be 1-100 characters of letters, digits, '.', '_' or '-', got '{instance}'.");
        }

        var publicUrl = ReadPublicUrl(Blank(getVariable("DRILLBOT_PUBLIC_URL")), found);
        var grace = DurationText.Read(getVariable, "DRILLBOT_SHUTDOWN_GRACE", TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10), found);
        var format = Blank(getVariable("DRILLBOT_LOG_FORMAT"))?.ToLowerInvariant();
        if (format is not (null or "text" or "json"))
        {
            found.Add($"DRILLBOT_LOG_FORMAT must be 'text' or 'json', got '{format}'.");
        }

        var token = Blank(getVariable("DRILLBOT_API_TOKEN"));
        if (token is { Length: < 16 })
        {
            found.Add("DRILLBOT_API_TOKEN is too short: use at least 16 characters (e.g. openssl rand -hex 32).");
        }

        var auditKey = Blank(getVariable("DRILLBOT_AUDIT_KEY"));
        if (auditKey is { Length: < 16 })
        {
            found.Add("DRILLBOT_AUDIT_KEY is too short: use at least 16 characters (e.g. openssl rand -hex 32).");
        }

        problems = found;
        return found.Count > 0 ? null : new ServiceSettings
        {
            InstanceId = instance ?? NewInstanceId(),
            Store = store!,
            Slack = slack,
            ApiToken = token,
            AuditKey = auditKey,
            PublicUrl = publicUrl,
            ShutdownGrace = grace,
            JsonLogs = format == "json",
        };
    }

    /// <summary>host-random: unique per process even when a restarted container keeps its host name.</summary>
    public static string NewInstanceId()
    {
        var host = new string(Environment.MachineName.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.').Take(60).ToArray());
        return $"{(host.Length == 0 ? "drillbot" : host)}-{Guid.NewGuid().ToString("N")[..8]}";
    }

    private static Uri? ReadPublicUrl(string? text, List<string> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text.TrimEnd('/') + "/", UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        problems.Add($"DRILLBOT_PUBLIC_URL must be an absolute http(s) URL such as https://drillbot.example.com, got '{text}'.");
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
