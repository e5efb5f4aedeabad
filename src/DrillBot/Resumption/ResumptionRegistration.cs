using Microsoft.Extensions.DependencyInjection;

namespace DrillBot.Resumption;

/// <summary>Resuming (restoring and reporting) the interrupted runs of dead replicas, and restoring orphaned objects.</summary>
internal static class ResumptionRegistration
{
    /// <summary><see cref="InstanceLiveness"/> and <see cref="ResumptionLoop"/> are singletons; the host runs them as hosted services in its order.</summary>
    public static IServiceCollection AddResumption(this IServiceCollection services, ResumptionOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<ResumptionReporter>();
        services.AddSingleton<ResumptionService>();
        services.AddSingleton<ResumptionLoop>();
        services.AddSingleton<InstanceLiveness>();
        return services;
    }
}
