using DrillBot.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace DrillBot.Metrics;

/// <summary>The service's metrics: one registry with the .NET collectors and <see cref="DrillMetrics"/>, served at <c>/metrics</c>.</summary>
internal static class MetricsRegistration
{
    /// <summary><see cref="MetricsStartup"/> is a singleton; the host runs it as a hosted service in its order.</summary>
    public static IServiceCollection AddDrillMetrics(this IServiceCollection services)
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        DotNetStats.Register(registry);
        services.AddSingleton(registry);
        services.AddSingleton(new DrillMetrics(registry));
        services.AddSingleton<MetricsStartup>();
        services.AddSingleton<IConfigChangeListener>(sp => sp.GetRequiredService<MetricsStartup>());
        return services;
    }

    public static IEndpointRouteBuilder MapDrillMetrics(this IEndpointRouteBuilder app)
    {
        app.MapMetrics("/metrics", app.ServiceProvider.GetRequiredService<CollectorRegistry>());
        return app;
    }
}
