using Microsoft.Extensions.DependencyInjection;

namespace DrillBot.Configuration;

/// <summary>The drills.yaml in force and its reload.</summary>
internal static class ConfigurationRegistration
{
    /// <summary>Registers <paramref name="state"/> and the <see cref="ConfigWatcher"/> (a singleton; the host runs it as a hosted service).</summary>
    public static IServiceCollection AddDrillsConfig(this IServiceCollection services, DrillsConfigState state, ConfigWatchOptions options) =>
        services.AddSingleton(state).AddSingleton(options).AddSingleton<ConfigWatcher>();
}
