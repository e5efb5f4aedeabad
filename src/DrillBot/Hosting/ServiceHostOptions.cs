using DrillBot.Drills.Cluster;
using DrillBot.Drills.Locking;
using DrillBot.Slack.Outbox;
using DrillBot.Slack.SocketMode;
using DrillBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace DrillBot.Hosting;

/// <summary>
/// How <c>serve</c> is hosted: the drills file, the listener, where environment variables come from,
/// and the timings of its background work. The defaults are production values; tests shorten them.
/// </summary>
public sealed record ServiceHostOptions
{
    /// <summary>drills.yaml, watched for changes.</summary>
    public required string ConfigPath { get; init; }

    /// <summary>When set, the drills come from this text (the bundled drills) and <see cref="ConfigPath"/> only names them; nothing is watched.</summary>
    public string? ConfigText { get; init; }

    /// <summary>Kestrel's listener (one), e.g. <c>http://0.0.0.0:8080</c>; port 0 picks a free one; null = ASP.NET Core's default (ASPNETCORE_URLS / _HTTP_PORTS).</summary>
    public string? Urls { get; init; }

    /// <summary>Environment variables (settings, <c>${VAR}</c> in drills.yaml, KUBECONFIG).</summary>
    public Func<string, string?> Variables { get; init; } = Environment.GetEnvironmentVariable;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public TimeSpan ConfigPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often interrupted runs of dead replicas are looked for.</summary>
    public TimeSpan ResumptionInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often objects annotated by unknown runs are looked for in the clusters (also at start).</summary>
    public TimeSpan OrphanScanInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>This replica's liveness lease in the store (<c>instance/{id}</c>), renewed every third of it.</summary>
    public TimeSpan InstanceLeaseTtl { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Leases of single-owner work (<c>outbox</c>, <c>recovery</c> = resumption of interrupted runs), renewed every third of it.</summary>
    public TimeSpan WorkLeaseTtl { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a replica looks for abort requests about its runs made elsewhere.</summary>
    public TimeSpan AbortPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How late a scheduled fire may start before it counts as missed.</summary>
    public TimeSpan MisfireThreshold { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Quartz cluster check-in (PostgreSQL): how often a replica records that its scheduler lives.</summary>
    public TimeSpan QuartzCheckinInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long past a missed check-in the other replicas wait before they take a silent replica's triggers over
    /// (so after check-in + this); also how long a replica's own failing check-ins are retried before it counts as dead.
    /// Null: three check-in intervals (15 s with the defaults).
    /// </summary>
    public TimeSpan? QuartzCheckinMisfireThreshold { get; init; }

    /// <summary>The drill lock (Kubernetes Lease) timings.</summary>
    public LockOptions Lock { get; init; } = new();

    /// <summary>Retries of Kubernetes API calls; null = the engine's defaults.</summary>
    public ClusterRetryOptions? ClusterRetry { get; init; }

    /// <summary>Slack outbox delivery timings; null = the defaults.</summary>
    public SlackOutboxOptions? Outbox { get; init; }

    /// <summary>Retries, timeouts and circuit breaker of Slack Web API calls; null = the defaults.</summary>
    public SlackResilienceOptions? SlackResilience { get; init; }

    /// <summary>Socket Mode reconnect timings (the app token comes from SLACK_APP_TOKEN); null = the defaults.</summary>
    public Func<SocketModeOptions, SocketModeOptions>? SocketMode { get; init; }

    /// <summary>How often due approval requests are expired.</summary>
    public TimeSpan ApprovalExpiryInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest Slack request body accepted (413 above).</summary>
    public int MaxSlackBodyBytes { get; init; } = 64 * 1024;

    /// <summary>
    /// Test hook, null (inert) in production: the engine's <see cref="Drills.Running.DrillEngineOptions.Checkpoint"/>,
    /// set by <c>drillbot serve</c> from <c>DRILLBOT_TEST_PAUSE_AT</c> (docs/reliability.md) so that a test can kill
    /// the real process exactly at a phase of a drill.
    /// </summary>
    public Func<string, ValueTask>? Checkpoint { get; init; }

    /// <summary>Extra logging set-up (tests capture the output here).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }
}
