using DrillBot.Api;
using DrillBot.Drills.Cluster;
using DrillBot.Drills.Running;
using DrillBot.Metrics;
using DrillBot.Recovery;
using DrillBot.Runs;
using DrillBot.Scheduling;
using DrillBot.Slack;
using DrillBot.Slack.Handling;
using DrillBot.Slack.Outbox;
using DrillBot.Slack.SocketMode;
using DrillBot.Slack.WebApi;
using DrillBot.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace DrillBot.Hosting;

/// <summary>
/// The service's container. Hosted services start in the order registered and stop in reverse:
/// the instance lease first (before recovery looks for dead instances), <see cref="RunShutdown"/>
/// last (so on SIGTERM running drills abort and restore while the store and Slack are still up).
/// </summary>
internal static class ServiceRegistrations
{
    public static void Add(IServiceCollection services, ServiceSettings settings, ServiceHostOptions options, DrillsConfigState config, IDrillBotStore store)
    {
        services.AddSingleton(settings);
        services.AddSingleton(options);
        services.AddSingleton(options.Time);
        services.AddSingleton(store);
        services.AddSingleton(config);
        var registry = Prometheus.Metrics.NewCustomRegistry();
        DotNetStats.Register(registry);
        services.AddSingleton(registry);
        services.AddSingleton(new DrillMetrics(registry));
        services.AddSingleton(_ => new KubernetesClusterClientFactory(options.Time, options.ClusterRetry, options.Variables));
        services.AddSingleton(sp => new DrillEngine(new DrillEngineOptions
        {
            Clusters = sp.GetRequiredService<KubernetesClusterClientFactory>(),
            Journal = store.Journal,
            TimeProvider = options.Time,
            LoggerFactory = sp.GetRequiredService<ILoggerFactory>(),
            Owner = settings.InstanceId,
            Lock = options.Lock,
            Checkpoint = options.Checkpoint,
        }));
        services.AddSingleton<ActiveRuns>();
        services.AddSingleton(new ReportLinks(settings.PublicUrl));
        services.AddSingleton<BusyCheck>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<RunLauncher>(sp, OptionalSlack(sp)));
        services.AddSingleton<RunCoordinator>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<RecoveryReporter>(sp, OptionalSlack(sp)));
        services.AddSingleton<RecoveryService>();
        services.AddSingleton<SkippedFireRecorder>();
        services.AddSingleton<MissedFireListener>();
        services.AddSingleton(sp => new DrillJobFactory(() => new DrillJob(sp.GetRequiredService<RunCoordinator>(), sp.GetRequiredService<SkippedFireRecorder>(), sp.GetRequiredService<ILogger<DrillJob>>())));
        services.AddSingleton<DrillScheduler>();
        services.AddSingleton<MetricsStartup>();
        services.AddSingleton<RecoveryLoop>();
        services.AddSingleton<ApiAuth>();
        services.AddSingleton<Readiness>();
        services.AddSingleton<IConfigChangeListener>(sp => sp.GetRequiredService<DrillScheduler>());
        services.AddSingleton<IConfigChangeListener>(sp => sp.GetRequiredService<MetricsStartup>());

        services.AddHostedService<InstanceLiveness>();
        services.AddHostedService(sp => sp.GetRequiredService<MetricsStartup>());
        services.AddHostedService(sp => sp.GetRequiredService<SkippedFireRecorder>());
        services.AddHostedService(sp => sp.GetRequiredService<DrillScheduler>());
        services.AddHostedService<ConfigWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<RecoveryLoop>());
        services.AddHostedService<AbortWatcher>();
        AddSlack(services, settings, options, store);
        services.AddSingleton<RunShutdown>();
        services.AddHostedService(sp => sp.GetRequiredService<RunShutdown>());
        services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.ShutdownGrace + TimeSpan.FromSeconds(5));
    }

    private static void AddSlack(IServiceCollection services, ServiceSettings settings, ServiceHostOptions options, IDrillBotStore store)
    {
        if (!settings.Slack.Enabled)
        {
            return;
        }

        services.AddSingleton(store.Outbox);
        services.AddSingleton<ISlackDeliveryDedupe>(new StoreDeliveryDedupe(store));
        services.AddSingleton<ISlackDrillService, SlackDrillService>();
        services.AddDrillBotSlack(settings.Slack, options.Outbox);
        services.AddSingleton(sp => SlackHandlerOptions.From(settings.Slack) with { MaxBodyBytes = options.MaxSlackBodyBytes });
        if (options.SlackResilience is { } resilience)
        {
            services.AddSingleton(new SlackWebApiOptions(settings.Slack.ApiBase, settings.Slack.BotToken!) { Resilience = resilience });
        }

        if (settings.Slack.SocketModeEnabled)
        {
            services.AddSingleton<ISocketModeHandler, CountedSocketModeHandler>(); // replaces the uncounted default
            if (options.SocketMode is { } socketMode)
            {
                services.AddSingleton(socketMode(new SocketModeOptions(settings.Slack.AppToken!)));
            }
        }

        // the dispatcher must run on one replica only: OutboxOwner runs it while holding the store lease "outbox"
        var dispatcher = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(SlackOutboxDispatcher));
        services.Remove(dispatcher);
        services.AddHostedService<OutboxOwner>();
    }

    private static object[] OptionalSlack(IServiceProvider sp) => sp.GetService<SlackOutbox>() is { } outbox ? [outbox] : [];
}
