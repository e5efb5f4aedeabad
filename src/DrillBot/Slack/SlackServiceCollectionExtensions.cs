using DrillBot.Slack.Handling;
using DrillBot.Slack.Outbox;
using DrillBot.Slack.SocketMode;
using DrillBot.Slack.WebApi;
using DrillBot.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace DrillBot.Slack;

/// <summary>Registers the Slack layer. The host must also register <see cref="IOutboxStore"/> and <see cref="ISlackDrillService"/>.</summary>
public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Web API client, the outbox and its dispatcher (hosted), the request handler for
    /// <c>/slack/commands</c> and <c>/slack/interactions</c>, and — when <see cref="SlackOptions.SocketModeEnabled"/> —
    /// the Socket Mode client (hosted). Does nothing when Slack is not enabled. Call after validating
    /// <paramref name="options"/> (<see cref="SlackOptions.Validate"/>). An <see cref="ISlackDeliveryDedupe"/>
    /// registered before this call wins over the in-memory default.
    /// </summary>
    public static IServiceCollection AddDrillBotSlack(this IServiceCollection services, SlackOptions options, SlackOutboxOptions? outboxOptions = null) =>
        services.AddSlackLayer(options, outboxOptions, hostDispatcher: true);

    /// <summary>
    /// <see cref="AddDrillBotSlack"/>; with <paramref name="hostDispatcher"/> false the outbox dispatcher is not a hosted
    /// service (the service runs it under a lease, <see cref="OutboxOwner"/>), and an <see cref="ISocketModeHandler"/>
    /// registered before this call wins over the default.
    /// </summary>
    internal static IServiceCollection AddSlackLayer(this IServiceCollection services, SlackOptions options, SlackOutboxOptions? outboxOptions, bool hostDispatcher)
    {
        if (!options.Enabled)
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(new SlackWebApiOptions(options.ApiBase, options.BotToken!));
        services.AddSingleton(sp => new SlackWebApiClient(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan },
            sp.GetRequiredService<SlackWebApiOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<SlackWebApiClient>>()));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton(outboxOptions ?? new SlackOutboxOptions());
        services.AddSingleton(sp => new SlackOutbox(
            sp.GetRequiredService<IOutboxStore>(), options.Channel!, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<OutboxSignal>()));
        if (hostDispatcher)
        {
            services.AddHostedService<SlackOutboxDispatcher>();
        }

        services.TryAddSingleton<ISlackDeliveryDedupe>(sp => new InMemorySlackDeliveryDedupe(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(SlackHandlerOptions.From(options));
        services.AddSingleton<SlackCommandProcessor>();
        services.AddSingleton<SlackRequestHandler>();
        if (options.SocketModeEnabled)
        {
            services.AddSingleton(new SocketModeOptions(options.AppToken!));
            services.TryAddSingleton<ISocketModeHandler, SlackSocketModeHandler>();
            services.AddHostedService<SocketModeClient>();
        }

        return services;
    }
}
