using DrillBot.Governance.Approvals;
using DrillBot.Governance.Freeze;
using DrillBot.Runs;
using DrillBot.Slack.Access;
using DrillBot.Slack.Handling;
using DrillBot.Slack.Outbox;
using DrillBot.Slack.SocketMode;
using DrillBot.Slack.WebApi;
using DrillBot.Store;
using Microsoft.Extensions.DependencyInjection;

namespace DrillBot.Slack.Service;

/// <summary>Slack in the service: the Slack layer on the store, its sinks for runs, counted Socket Mode, one outbox owner across replicas.</summary>
internal static class SlackServiceRegistration
{
    /// <summary>
    /// Does nothing when Slack is off (the routes still answer 503, see <see cref="SlackEndpoints"/>). Needs the store,
    /// <see cref="RunCoordinator"/>, <see cref="ReportLinks"/> and the metrics registered by the host.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, SlackServiceOptions options)
    {
        var slack = options.Slack;
        if (!slack.Enabled)
        {
            return services;
        }

        services.AddSingleton(options);
        services.AddSingleton(sp => sp.GetRequiredService<IDrillBotStore>().Outbox);
        services.AddSingleton<ISlackDeliveryDedupe>(sp => new StoreDeliveryDedupe(sp.GetRequiredService<IDrillBotStore>()));
        services.AddSingleton<ISlackDrillService, SlackDrillService>();
        services.AddSingleton<ISocketModeHandler, CountedSocketModeHandler>(); // counted in drillbot_slack_requests_total, unlike the default
        // the dispatcher must run on one replica only: OutboxOwner runs it while holding the store lease "outbox"
        services.AddSlackLayer(slack, options.Outbox, hostDispatcher: false);
        services.AddHostedService<OutboxOwner>();
        services.AddSingleton(SlackHandlerOptions.From(slack) with { MaxBodyBytes = options.MaxBodyBytes });
        if (options.Resilience is { } resilience)
        {
            services.AddSingleton(new SlackWebApiOptions(slack.ApiBase, slack.BotToken!) { Resilience = resilience });
        }

        if (slack.SocketModeEnabled && options.SocketMode is { } socketMode)
        {
            services.AddSingleton(socketMode(new SocketModeOptions(slack.AppToken!)));
        }

        services.AddSingleton<SlackApprovalViews>();
        services.AddSingleton<IApproverDirectory, SlackApproverDirectory>(); // replaces the user-IDs-only default
        services.AddSingleton<IApprovalNotifier, SlackApprovalNotifier>();
        services.AddSingleton<IFreezeNotifier, SlackFreezeNotifier>();
        services.AddSingleton<SlackRunSinks>();
        services.AddSingleton<IRunSinkSource>(sp => sp.GetRequiredService<SlackRunSinks>());
        services.AddSingleton<IResumedRunSink>(sp => sp.GetRequiredService<SlackRunSinks>());
        return services;
    }
}
