using DrillBot.Drills.Restore;
using DrillBot.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrillBot.Runs;

/// <summary>
/// On SIGTERM/Ctrl-C: refuse new runs, abort every run of this process and wait for their restores
/// (within <see cref="RunsOptions.ShutdownGrace"/>). Registered last, so it stops first, while the
/// store and the Slack outbox are still there. <see cref="LeftUnrestored"/> names the runs whose restore
/// did not complete before exit (serve then exits 4).
/// </summary>
internal sealed class RunShutdown(RunCoordinator coordinator, ActiveRuns active, RunsOptions options, ILogger<RunShutdown> logger) : IHostedService
{
    /// <summary>
    /// Runs of this replica whose restore failed or did not finish within the grace period: their changes may still
    /// be in the clusters; the journal keeps them for the next start (or another replica) to restore.
    /// </summary>
    public IReadOnlyList<string> LeftUnrestored { get; private set; } = [];

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        coordinator.StopAccepting();
        var running = active.All().Count;
        if (running == 0)
        {
            return;
        }

        ServiceLog.ShutdownAborting(logger, running, options.ShutdownGrace);
        var runs = await coordinator.AbortAllAsync("shutdown (SIGTERM)", options.ShutdownGrace);
        var left = new List<string>();
        foreach (var run in runs)
        {
            if (!run.Done.IsCompleted)
            {
                ServiceLog.ShutdownGraceExceeded(logger, run.RunId, options.ShutdownGrace);
                left.Add(run.RunId);
            }
            else if (run.Run.Completion.IsCompletedSuccessfully && run.Run.Completion.Result.Restore.Status == RestoreStatus.Failed)
            {
                ServiceLog.ShutdownRestoreFailed(logger, run.RunId);
                left.Add(run.RunId);
            }
        }

        LeftUnrestored = left;
        if (left.Count == 0)
        {
            ServiceLog.ShutdownRestored(logger, runs.Count);
        }
    }
}
