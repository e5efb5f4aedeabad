using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Lab;

namespace DrillBot.Drills.Tests.Reliability;

/// <summary>
/// Transient Kubernetes API faults confined to one phase of a run (switched on as the run enters the phase,
/// off as it leaves it): every phase, every kind of fault the Lab can make. The API's retries absorb them:
/// the drill completes, and every object is back exactly as it was.
/// </summary>
[NonParallelizable]
public sealed class ApiFaultPhaseTests
{
    private static readonly string[] Contexts = ["ack-hangzhou", "ack-shanghai", "asm"];

    public static IEnumerable<TestCaseData> TransientFaults()
    {
        TestCaseData Case(RunPhase phase, string what, Action<LabControl> apply) => new TestCaseData(phase, apply).SetArgDisplayNames(phase.ToString(), what);
        yield return Case(RunPhase.Preflight, "500 on 50 %", c => Everywhere(c, 0.5, 500));
        yield return Case(RunPhase.Preflight, "connection reset on 50 %", c => Everywhere(c, 0.5, 0));
        yield return Case(RunPhase.Steps, "503 on 50 %", c => Everywhere(c, 0.5, 503));
        yield return Case(RunPhase.Steps, "150 ms latency", c => Everywhere(c, 0, 503, TimeSpan.FromMilliseconds(150)));
        yield return Case(RunPhase.Observe, "500 on 60 %", c => Everywhere(c, 0.6, 500));
        yield return Case(RunPhase.Restore, "connection reset on 50 %", c => Everywhere(c, 0.5, 0));
        yield return Case(RunPhase.Restore, "429 Retry-After on 25 %", c => Everywhere(c, 0.25, 429));
        yield return Case(RunPhase.Restore, "502 on 50 % with 100 ms latency", c => Everywhere(c, 0.5, 502, TimeSpan.FromMilliseconds(100)));
        yield return Case(RunPhase.Failback, "503 on 50 %", c => Everywhere(c, 0.5, 503));
    }

    [TestCaseSource(nameof(TransientFaults))]
    public async Task Run_TransientApiFaultsInOnePhase_CompletesAndRestoresVerified(RunPhase phase, Action<LabControl> apply)
    {
        await using var lab = await ReliabilityLab.StartAsync();
        var before = lab.Snapshot();
        var faults = new PhaseFaults(lab.Lab.Control, phase, apply);

        var report = await lab.RunAsync(lab.Engine("runner", TimeSpan.FromSeconds(1.5)), lab.Drill("reviews-failover"), faults);

        lab.Lab.Control.ClearFaults();
        TestContext.Out.WriteLine(string.Join("\n", report.Markers.Select(m => $"{(m.At - report.StartedAt).TotalSeconds:0.000} {m.Kind} {m.Label}")));
        Assert.That(faults.Applied, Is.True, $"the run went through {phase}");
        Assert.That(report.Verdict, Is.AnyOf(Verdict.Passed, Verdict.Failed), string.Join("\n", report.Reasons));
        Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Verified), string.Join("\n", report.Reasons));
        Assert.That(report.Restore.Objects, Has.Count.EqualTo(3), "DestinationRules productpage and reviews, Deployment reviews-v1");
        Assert.That(lab.Snapshot(), Is.EqualTo(before));
        Assert.That(await lab.UnfinishedAsync(), Is.Empty, "the journal knows the run is over");
    }

    internal static void Everywhere(LabControl control, double ratio, int status, TimeSpan latency = default)
    {
        foreach (var context in Contexts)
        {
            control.SetApiFaults(context, ratio, status, latency);
        }
    }
}
