using Microsoft.Extensions.Hosting;

namespace DrillBot.Lab.Hosting;

/// <summary>
/// A host lifetime that leaves SIGINT/SIGTERM alone: the Lab's listeners live inside another program
/// (tests, <c>drillbot lab</c>, <c>drillbot demo</c>) that owns the process signals and disposes the Lab itself.
/// </summary>
internal sealed class QuietHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
