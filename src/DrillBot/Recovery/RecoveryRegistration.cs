using Microsoft.Extensions.DependencyInjection;

namespace DrillBot.Recovery;

/// <summary>Recovering the runs of dead replicas and orphaned objects.</summary>
internal static class RecoveryRegistration
{
    /// <summary><see cref="InstanceLiveness"/> and <see cref="RecoveryLoop"/> are singletons; the host runs them as hosted services in its order.</summary>
    public static IServiceCollection AddRecovery(this IServiceCollection services, RecoveryOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<RecoveryReporter>();
        services.AddSingleton<RecoveryService>();
        services.AddSingleton<RecoveryLoop>();
        services.AddSingleton<InstanceLiveness>();
        return services;
    }
}
