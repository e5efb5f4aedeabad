using DrillBot.Drills.Probing;
using DrillBot.Drills.Running.Events;

namespace DrillBot.Drills.Running;

/// <summary>Starts a run's probers; each sample goes to its probe's log and out as a <see cref="ProbeSampled"/> event.</summary>
internal static class Probers
{
    /// <summary>One prober per probe (the drill's <c>probe:</c>, or each entry of <c>probes:</c>), all over one transport.</summary>
    public static Task Start(RunContext ctx, IProbeTransport transport, CancellationToken stop)
    {
        var running = new List<Task>();
        foreach (var log in ctx.Recording.Probes)
        {
            var prober = new ProbeRunner(log.Probe, transport, ctx.Setup.Time);
            log.Sent = () => prober.Sent;
            var name = log.View.Name;
            running.Add(Task.Run(() => prober.RunAsync(sample =>
            {
                log.Samples.Add(sample);
                ctx.Emit(new ProbeSampled(ctx.Setup.RunId, ctx.Setup.Drill.Name, ctx.Setup.Time.GetUtcNow(), sample) { Probe = name });
            }, stop), CancellationToken.None));
        }

        return Task.WhenAll(running);
    }
}
