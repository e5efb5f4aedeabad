using DrillBot.Configuration;
using DrillBot.Drills.Definitions;
using DrillBot.Logging;
using DrillBot.Scheduling;
using DrillBot.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DrillBot.Hosting;

/// <summary>
/// <c>drillbot serve</c> as an object: loads drills.yaml, opens the store, builds and starts the web
/// application with the scheduler, Slack, the API, metrics and the resumption of interrupted runs. Tests start it in-process.
/// </summary>
public sealed class ServiceApp : IAsyncDisposable
{
    private ServiceApp(WebApplication app, IDrillBotStore store)
    {
        App = app;
        Store = store;
    }

    public WebApplication App { get; }

    public IDrillBotStore Store { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>The listener's address (with the port Kestrel picked for port 0).</summary>
    public Uri Address => new(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));

    /// <exception cref="ServiceStartException">Invalid drills.yaml (exit 2), the store or the listener cannot start (exit 3).</exception>
    public static async Task<ServiceApp> StartAsync(ServiceSettings settings, ServiceHostOptions options, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = options.ConfigText ?? await File.ReadAllTextAsync(options.ConfigPath, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ServiceStartException(2, [$"{options.ConfigPath}: cannot read the file: {e.Message}"], e);
        }

        var loaded = DrillsLoader.Parse(text, options.ConfigPath, QuartzCronParser.Instance, options.Variables);
        if (!loaded.IsValid)
        {
            throw new ServiceStartException(2, loaded.Problems.Select(p => p.ToString()).ToList());
        }

        IDrillBotStore store;
        try
        {
            store = await StoreFactory.OpenAsync(settings.Store, options.Time, null, cancellationToken, AuditKeys.Of(settings.AuditKey));
        }
        catch (StoreException e)
        {
            throw new ServiceStartException(3, [e.Message], e);
        }

        var app = Build(settings, options, new DrillsConfigState(options.ConfigText is null ? Path.GetFullPath(options.ConfigPath) : options.ConfigPath, loaded.Config!, options.Time.GetUtcNow(), ConfigWatcher.Hash(text)), store);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or StoreException or System.Data.Common.DbException)
        {
            await app.DisposeAsync();
            await store.DisposeAsync();
            throw new ServiceStartException(3, [$"serve could not start: {e.Message}"], e);
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DrillBot.Service");
        ServiceLog.ServiceStarted(logger, settings.InstanceId, string.Join(", ", app.Urls), loaded.Config!.Drills.Count, settings.Store.Display, settings.Slack.Enabled ? settings.Slack.SocketModeEnabled ? "Socket Mode" : "HTTP" : "off");
        if (settings.ApiToken is null)
        {
            ServiceLog.ApiDisabled(logger);
        }

        return new ServiceApp(app, store);
    }

    /// <summary>
    /// After <see cref="StopAsync"/>: true when a run's restore failed or did not finish within the grace period, so the
    /// clusters may still hold its changes (the journal keeps them for the next start); serve then exits 4.
    /// </summary>
    public bool LeftChangesAtShutdown => Services.GetRequiredService<Runs.RunShutdown>().LeftUnrestored.Count > 0;

    /// <summary>Stops gracefully: running drills abort and restore within the grace period.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => App.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Store.DisposeAsync();
    }

    private static WebApplication Build(ServiceSettings settings, ServiceHostOptions options, DrillsConfigState config, IDrillBotStore store)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "drillbot" });
        if (options.Urls is { } urls)
        {
            builder.WebHost.UseUrls(urls);
        }

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 1024 * 1024;
        });
        LoggingSetup.Configure(builder.Logging, settings.JsonLogs);
        options.ConfigureLogging?.Invoke(builder.Logging);
        ServiceRegistrations.Add(builder.Services, settings, options, config, store);
        var app = builder.Build();
        ServiceEndpoints.Map(app);
        return app;
    }
}
