using DrillBot.Drills.Definitions;
using DrillBot.Drills.Probing;
using DrillBot.Drills.Running.Events;
using DrillBot.Runs.Events;
using DrillBot.Runs.Sinks;

namespace DrillBot.Tests.Runs;

/// <summary>The live recovery hint: the first all-ok window of stableFor served by the expected class after t0, announced once.</summary>
public sealed class RecoveryWatchTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-01-06T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private readonly List<RecoveryDetected> announced = [];
    private RecoveryWatch watch = null!;

    [SetUp]
    public void SetUp()
    {
        announced.Clear();
        watch = new RecoveryWatch(new RecoveryExpectation("cn-shanghai", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1)), announced.Add);
    }

    [Test]
    public void OnEvent_StableWindowAfterADegradedSample_AnnouncesItsStartOnce()
    {
        watch.OnEvent(new StepApplied("r", "d", T0, 0, "scale", "scale", null, Fault: true));
        Sample(0.1, "degraded", ok: false);
        Sample(0.2, "cn-shanghai");
        Sample(0.7, "cn-shanghai");
        Sample(1.2, "cn-shanghai");
        Sample(2.5, "cn-shanghai");

        Assert.That(announced, Has.Count.EqualTo(1));
        Assert.That(announced[0].Seconds, Is.EqualTo(0.2));
        Assert.That(announced[0].ServedBy, Is.EqualTo("cn-shanghai"));
    }

    [Test]
    public void OnEvent_WindowBrokenByAnotherClass_StartsOver()
    {
        watch.OnEvent(new StepApplied("r", "d", T0, 0, "scale", "scale", null, Fault: true));
        Sample(0.2, "cn-shanghai");
        Sample(0.9, "cn-hangzhou");
        Sample(1.0, "cn-shanghai");
        Sample(1.5, "cn-shanghai");
        Sample(2.0, "cn-shanghai");

        Assert.That(announced.Single().Seconds, Is.EqualTo(1.0));
    }

    [Test]
    public void OnEvent_SamplesBeforeTheFault_Ignored()
    {
        Sample(-3, "cn-shanghai");
        Sample(-1, "cn-shanghai");

        Assert.That(announced, Is.Empty);
    }

    private void Sample(double seconds, string cls, bool ok = true)
    {
        var at = T0.AddSeconds(seconds);
        watch.OnEvent(new ProbeSampled("r", "d", at, new ProbeSample(1, at, at, TimeSpan.FromMilliseconds(3), 200, null, cls, ok, false)));
    }
}
