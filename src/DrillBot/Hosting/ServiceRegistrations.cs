using DrillBot.Api;
using DrillBot.Configuration;
using DrillBot.Drills.Cluster;
using DrillBot.Drills.Running;
using DrillBot.Governance;
using DrillBot.Governance.Approvals;
using DrillBot.Governance.Audit;
using DrillBot.Governance.Freeze;
using DrillBot.Metrics;
using DrillBot.Resumption;
using DrillBot.Runs;
using DrillBot.Scheduling;
using DrillBot.Slack.Service;
using DrillBot.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrillBot.Hosting;

/// <summary>
/// The composition root: each feature registers itself from the settings it needs; this class only decides the
/// order of the background work. Hosted services start in the order registered and stop in reverse: the instance
/// lease first (before resumption looks for dead instances), <see cref="RunShutdown"/> last (so on SIGTERM running
/// drills abort and restore while the store and Slack are still up).
/// </summary>
internal static class ServiceRegistrations
{
    public static void Add(IServiceCollection services, ServiceSettings settings, ServiceHostOptions options, DrillsConfigState config, IDrillBotStore store)
    {
        services.AddSingleton(options.Time);
        services.AddSingleton(store);
        services.AddDrillsConfig(config, new ConfigWatchOptions { ConfigText = options.ConfigText, ConfigPollInterval = options.ConfigPollInterval, Variables = options.Variables });
        services.AddDrillMetrics();
        services.AddSingleton(_ => new KubernetesClusterClientFactory(options.Time, options.ClusterRetry, options.Variables));
        services.AddSingleton(sp => new DrillEngine(new DrillEngineOptions
        {
            Clusters = sp.GetRequiredService<KubernetesClusterClientFactory>(),
            Journal = new AuditingJournal(store.Journal, sp.GetRequiredService<AuditLog>(), settings.InstanceId),
            TimeProvider = options.Time,
            LoggerFactory = sp.GetRequiredService<ILoggerFactory>(),
            Owner = settings.InstanceId,
            Lock = options.Lock,
            Checkpoint = options.Checkpoint,
        }));
        services.AddRuns(new RunsOptions { InstanceId = settings.InstanceId, ShutdownGrace = settings.ShutdownGrace, AbortPollInterval = options.AbortPollInterval }, settings.PublicUrl);
        services.AddGovernance(new GovernanceOptions { ApprovalExpiryInterval = options.ApprovalExpiryInterval });
        services.AddResumption(new ResumptionOptions
        {
            InstanceId = settings.InstanceId,
            ResumptionInterval = options.ResumptionInterval,
            OrphanScanInterval = options.OrphanScanInterval,
            InstanceLeaseTtl = options.InstanceLeaseTtl,
            WorkLeaseTtl = options.WorkLeaseTtl,
        });
        services.AddScheduling(new SchedulingOptions
        {
            InstanceId = settings.InstanceId,
            Store = settings.Store,
            MisfireThreshold = options.MisfireThreshold,
            QuartzCheckinInterval = options.QuartzCheckinInterval,
            QuartzCheckinMisfireThreshold = options.QuartzCheckinMisfireThreshold,
        });
        services.AddApi(new ApiOptions { InstanceId = settings.InstanceId, Store = settings.Store, ApiToken = settings.ApiToken });

        services.AddHostedService(sp => sp.GetRequiredService<InstanceLiveness>());
        services.AddHostedService(sp => sp.GetRequiredService<MetricsStartup>());
        services.AddHostedService(sp => sp.GetRequiredService<SkippedFireRecorder>());
        services.AddHostedService(sp => sp.GetRequiredService<DrillScheduler>());
        services.AddHostedService(sp => sp.GetRequiredService<ConfigWatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<ResumptionLoop>());
        services.AddHostedService(sp => sp.GetRequiredService<AbortWatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<FreezeWatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<ApprovalExpiryLoop>());
        services.AddSlack(new SlackServiceOptions
        {
            Slack = settings.Slack,
            InstanceId = settings.InstanceId,
            WorkLeaseTtl = options.WorkLeaseTtl,
            MaxBodyBytes = options.MaxSlackBodyBytes,
            Outbox = options.Outbox,
            Resilience = options.SlackResilience,
            SocketMode = options.SocketMode,
        });
        services.AddHostedService(sp => sp.GetRequiredService<RunShutdown>());
        services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.ShutdownGrace + TimeSpan.FromSeconds(5));
    }
}
