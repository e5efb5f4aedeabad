using Quartz;
using Quartz.Extensibility;

namespace DrillBot.Scheduling;

/// <summary>Builds <see cref="DrillJob"/>s with the service's coordinator (Quartz runs without the host's container).</summary>
internal sealed class DrillJobFactory(Func<DrillJob> create) : IJobFactory
{
    public ValueTask<JobScope> CreateJob(TriggerFiredBundle bundle, IScheduler scheduler, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new JobScope(create(), null));

    public ValueTask ReturnJob(JobScope scope, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
