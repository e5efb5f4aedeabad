using DrillBot.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DrillBot.Scheduling;

/// <summary>Scheduled fires through Quartz on the store; missed fires and fires refused (a blackout, a freeze, a busy target) recorded.</summary>
internal static class SchedulingRegistration
{
    /// <summary><see cref="SkippedFireRecorder"/> and <see cref="DrillScheduler"/> are singletons; the host runs them as hosted services in its order.</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, SchedulingOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<SkippedFireRecorder>();
        services.AddSingleton<MissedFireListener>();
        services.AddSingleton(sp => new DrillJobFactory(() => new DrillJob(sp.GetRequiredService<Runs.RunCoordinator>(), sp.GetRequiredService<SkippedFireRecorder>(), sp.GetRequiredService<ILogger<DrillJob>>())));
        services.AddSingleton<DrillScheduler>();
        services.AddSingleton<IConfigChangeListener>(sp => sp.GetRequiredService<DrillScheduler>());
        return services;
    }
}
