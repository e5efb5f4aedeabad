using DrillBot.Slack;
using DrillBot.Store;

namespace DrillBot.Hosting;

/// <summary>
/// The service's settings from the environment (names in docs/contracts.md#environment), parsed and validated once
/// at start by <see cref="ServiceSettingsReader"/>. Secrets live here and never appear in <see cref="ToString"/>.
/// </summary>
public sealed record ServiceSettings
{
    /// <summary>Unique per process: names this replica in leases, Quartz and the store (<c>DRILLBOT_INSTANCE_ID</c>).</summary>
    public required string InstanceId { get; init; }

    /// <summary>Where the store lives (<c>DRILLBOT_DB</c>).</summary>
    public required StoreLocation Store { get; init; }

    /// <summary>Slack settings (<c>SLACK_*</c>); Slack is off without a bot token.</summary>
    public required SlackOptions Slack { get; init; }

    /// <summary>Bearer token for <c>/api/*</c> (<c>DRILLBOT_API_TOKEN</c>); null = the API refuses every request.</summary>
    public string? ApiToken { get; init; }

    /// <summary>Key of the audit log's hash chain (<c>DRILLBOT_AUDIT_KEY</c>, HMAC-SHA-256); null = plain SHA-256.</summary>
    public string? AuditKey { get; init; }

    /// <summary>Base address for report links in Slack (<c>DRILLBOT_PUBLIC_URL</c>); null = the request's own base.</summary>
    public Uri? PublicUrl { get; init; }

    /// <summary>How long a SIGTERM waits for running drills to abort and restore (<c>DRILLBOT_SHUTDOWN_GRACE</c>, default 25 s).</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(25);

    /// <summary>JSON console logs (<c>DRILLBOT_LOG_FORMAT=json</c>) instead of plain lines.</summary>
    public bool JsonLogs { get; init; }

    /// <summary>Every value that must never be shown (tokens, secrets, the database password).</summary>
    public IReadOnlyList<string> Secrets =>
        new[] { ApiToken, AuditKey, Slack.SigningSecret, Slack.BotToken, Slack.AppToken, ConnectionStringSecrets.PasswordOf(Store.ConnectionString) }
            .Where(s => !string.IsNullOrEmpty(s))
            .Select(s => s!)
            .ToList();

    public override string ToString() =>
        $"ServiceSettings {{ InstanceId = {InstanceId}, Store = {Store}, Slack = {Slack}, Api = {(ApiToken is null ? "disabled" : "token set")}, AuditKey = {(AuditKey is null ? "unset" : "set")}, PublicUrl = {PublicUrl}, ShutdownGrace = {ShutdownGrace}, JsonLogs = {JsonLogs} }}";
}
