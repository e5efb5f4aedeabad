using System.Security.Cryptography;
using DrillBot.Drills.Definitions;
using DrillBot.Logging;
using DrillBot.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrillBot.Configuration;

/// <summary>
/// Polls drills.yaml (on the injected clock) and reloads it when its content changed and then stayed
/// the same for one more poll (debounce: a half-written file is never loaded). A valid file replaces
/// the configuration and tells every <see cref="IConfigChangeListener"/>; an invalid one is refused:
/// the old configuration keeps running, every problem is logged and shown by <c>/readyz</c>.
/// </summary>
internal sealed class ConfigWatcher(
    DrillsConfigState state,
    IEnumerable<IConfigChangeListener> listeners,
    ConfigWatchOptions options,
    TimeProvider time,
    ILogger<ConfigWatcher> logger) : BackgroundService
{
    private string? applied;
    private string? pending;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.ConfigText is not null)
        {
            return; // the bundled drills: no file to watch
        }

        applied = state.SourceHash ?? Hash(Read());
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.ConfigPollInterval, time, stoppingToken);
                await PollAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // the watcher must survive a failing listener; logged, retried on the next change
            catch (Exception e)
#pragma warning restore CA1031
            {
                ServiceLog.ConfigListenerFailed(logger, e);
            }
        }
    }

    /// <summary>One poll: reloads when the file changed and then held still for one poll.</summary>
    internal async Task PollAsync(CancellationToken cancellationToken)
    {
        var text = Read();
        var hash = Hash(text);
        if (hash == applied)
        {
            pending = null;
            return;
        }

        if (hash != pending)
        {
            pending = hash; // changed: load it once it held still for one poll
            return;
        }

        pending = null;
        applied = hash;
        var result = text is null
            ? new DrillsLoadResult(null, [new ValidationProblem(new SourceLocation(state.Path, 0, 0), "cannot read the file (deleted or unreadable)")])
            : DrillsLoader.Parse(text, state.Path, QuartzCronParser.Instance, options.Variables);
        if (!result.IsValid)
        {
            var problems = result.Problems.Select(p => p.ToString()).ToList();
            foreach (var problem in problems)
            {
                ServiceLog.ConfigProblem(logger, problem);
            }

            ServiceLog.ConfigRefused(logger, state.Path, problems.Count);
            state.Refuse(problems);
            return;
        }

        state.Accept(result.Config!, time.GetUtcNow());
        ServiceLog.ConfigReloaded(logger, state.Path, result.Config!.Drills.Count, state.Generation);
        foreach (var listener in listeners)
        {
            await listener.OnConfigChangedAsync(result.Config!, cancellationToken);
        }
    }

    private string? Read()
    {
        try
        {
            return File.ReadAllText(state.Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The content hash the watcher compares ("missing" for an unreadable file).</summary>
    internal static string Hash(string? text) =>
        text is null ? "missing" : Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
