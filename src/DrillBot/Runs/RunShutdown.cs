using DrillBot.Hosting;
using DrillBot.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrillBot.Runs;

/// <summary>
/// On SIGTERM/Ctrl-C: refuse new runs, abort every run of this process and wait for their restores
/// (within <see cref="ServiceSettings.ShutdownGrace"/>). Registered last, so it stops first, while the
/// store and the Slack outbox are still there.
/// </summary>
internal sealed class RunShutdown(RunCoordinator coordinator, ActiveRuns active, ServiceSettings settings, ILogger<RunShutdown> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        coordinator.StopAccepting();
        var running = active.All().Count;
        if (running == 0)
        {
            return;
        }

        ServiceLog.ShutdownAborting(logger, running, settings.ShutdownGrace);
        var restored = await coordinator.AbortAllAsync("shutdown (SIGTERM)", settings.ShutdownGrace);
        if (restored)
        {
            ServiceLog.ShutdownRestored(logger, running);
        }
        else
        {
            ServiceLog.ShutdownGraceExceeded(logger, settings.ShutdownGrace);
        }
    }
}
