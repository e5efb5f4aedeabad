using DrillBot.Api;
using DrillBot.Metrics;
using DrillBot.Slack.Service;
using Microsoft.AspNetCore.Builder;

namespace DrillBot.Hosting;

/// <summary>The one listener's routes (a Contract: docs/service.md), each feature mapping its own.</summary>
internal static class ServiceEndpoints
{
    public static void Map(WebApplication app)
    {
        app.UseProblemAnswers();
        app.MapHealth();
        app.MapDrillMetrics();
        app.MapSlack();
        app.MapApi();
    }
}
