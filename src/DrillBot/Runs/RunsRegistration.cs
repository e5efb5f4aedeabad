using Microsoft.Extensions.DependencyInjection;

namespace DrillBot.Runs;

/// <summary>Runs in the service: accepting, launching, aborting and shutting down. Needs the engine, the store and the metrics.</summary>
internal static class RunsRegistration
{
    /// <summary>
    /// <see cref="AbortWatcher"/> and <see cref="RunShutdown"/> are registered as singletons; the host runs them as hosted
    /// services in its order. Sinks for each run come from every registered <see cref="IRunSinkSource"/>.
    /// </summary>
    public static IServiceCollection AddRuns(this IServiceCollection services, RunsOptions options, Uri? publicUrl)
    {
        services.AddSingleton(options);
        services.AddSingleton<ActiveRuns>();
        services.AddSingleton(new ReportLinks(publicUrl));
        services.AddSingleton<BusyCheck>();
        services.AddSingleton<RunLauncher>();
        services.AddSingleton<RunCoordinator>();
        services.AddSingleton<AbortWatcher>();
        services.AddSingleton<RunShutdown>();
        return services;
    }
}
