using DrillBot.Governance.Approvals;
using DrillBot.Governance.Audit;
using DrillBot.Governance.Freeze;
using DrillBot.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DrillBot.Governance;

/// <summary>
/// Approvals, the freeze and the audit log in the service. <see cref="ApprovalExpiryLoop"/> and <see cref="FreezeWatcher"/>
/// are singletons the host runs as hosted services. Slack, when on, adds its <see cref="IApproverDirectory"/> (user groups)
/// and its notifiers; without it only user IDs approve and nothing is posted.
/// </summary>
internal static class GovernanceRegistration
{
    public static IServiceCollection AddGovernance(this IServiceCollection services, GovernanceOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<AuditLog>();
        services.AddSingleton<RunAudit>();
        services.AddSingleton<ApprovalGate>();
        services.TryAddSingleton<IApproverDirectory, DirectApproverDirectory>();
        services.AddSingleton<ApprovalService>();
        services.AddSingleton<ApprovalExpiryLoop>();
        services.AddSingleton<FreezeService>();
        services.AddSingleton<FreezeWatcher>();
        services.AddSingleton<AuditRunSinks>();
        services.AddSingleton<IRunSinkSource>(sp => sp.GetRequiredService<AuditRunSinks>());
        services.AddSingleton<IResumedRunSink>(sp => sp.GetRequiredService<AuditRunSinks>());
        return services;
    }
}
