using System.CommandLine;
using DrillBot.Hosting;
using Spectre.Console;

namespace DrillBot.Cli;

/// <summary>
/// <c>drillbot serve [--config F] [--urls U]</c>: the service (scheduler, Slack, HTTP API, metrics,
/// resumption of interrupted runs) until Ctrl-C/SIGTERM, which aborts running drills and waits for their restore.
/// Exit 0: stopped cleanly, every run of this replica aborted and restored; 4: a run's restore failed or did not
/// finish within DRILLBOT_SHUTDOWN_GRACE (its changes may still be in the clusters; the next start restores them). Exit 2: a bad environment variable or drills.yaml (every problem printed); 3: the store or the
/// listener cannot start.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var config = ConfigOption.Create();
        var urls = new Option<string?>("--urls") { Description = "where to listen, e.g. http://0.0.0.0:8080 (default: ASPNETCORE_URLS, else http://localhost:5000)" };
        var command = new Command("serve", "Run the service: scheduler, Slack, HTTP API, metrics.") { config, urls };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(config)!, parse.GetValue(urls), ct));
        return command;
    }

    public static async Task<int> RunAsync(string configPath, string? urls, CancellationToken cancellationToken)
    {
        var env = CliEnvironment.Get();
        var settings = ServiceSettingsReader.Read(env.Variables, out var problems);
        var timings = ServiceTimingsReader.Apply(
            new ServiceHostOptions { ConfigPath = configPath, Variables = env.Variables, Checkpoint = TestPause.From(env, cancellationToken) },
            env.Variables,
            out var timingProblems);
        if (settings is null || timings is null)
        {
            foreach (var problem in problems.Concat(timingProblems))
            {
                env.Fail(problem);
            }

            return ExitCodes.InvalidInput;
        }

        var path = env.Path(configPath);
        string? bundled = null;
        if (!File.Exists(path))
        {
            if (configPath != ConfigOption.DefaultPath)
            {
                env.Fail($"{configPath}: no such file (give --config F)");
                return ExitCodes.InvalidInput;
            }

            env.Out.MarkupLine($"[grey]no ./{ConfigOption.DefaultPath} here: serving the drills bundled with drillbot (not reloaded)[/]");
            (path, bundled) = (BundledDrills.Name, BundledDrills.Read());
        }

        var options = timings with { ConfigPath = path, ConfigText = bundled, Urls = urls };
        ServiceApp app;
        try
        {
            app = await ServiceApp.StartAsync(settings, options, cancellationToken);
        }
        catch (ServiceStartException e)
        {
            foreach (var problem in e.Problems)
            {
                env.Error.WriteLine(e.ExitCode == ExitCodes.InvalidInput ? problem.Replace(path, configPath, StringComparison.Ordinal) : $"error: {problem}");
            }

            return e.ExitCode;
        }

        await using (app)
        {
            // until Ctrl-C/SIGTERM (the command's token) or the host's own lifetime asks to stop
            var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (cancellationToken.Register(() => stop.TrySetResult()))
            await using (app.App.Lifetime.ApplicationStopping.Register(() => stop.TrySetResult()))
            {
                await stop.Task;
            }

            await app.StopAsync(CancellationToken.None);
            if (app.LeftChangesAtShutdown)
            {
                return ExitCodes.RestoreFailed; // the log names each run; the next start restores it from the journal
            }
        }

        return ExitCodes.Passed;
    }
}
