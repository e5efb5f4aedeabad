using DrillBot.Logging;
using DrillBot.Runs;
using DrillBot.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrillBot.Governance.Approvals;

/// <summary>Expires due approval requests every <see cref="GovernanceOptions.ApprovalExpiryInterval"/> on the injected clock.</summary>
internal sealed class ApprovalExpiryLoop(ApprovalService approvals, GovernanceOptions options, TimeProvider time, ILogger<ApprovalExpiryLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.ApprovalExpiryInterval, time, stoppingToken);
                await approvals.ExpireDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (StoreFailure.Is(e))
            {
                ServiceLog.StoreUnavailable(logger, e, "expire approval requests");
            }
        }
    }
}
