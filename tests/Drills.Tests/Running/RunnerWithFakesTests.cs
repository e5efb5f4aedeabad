using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Probing;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Drills.Running.Events;
using DrillBot.Drills.Tests.Scheduling;

namespace DrillBot.Drills.Tests.Running;

/// <summary>The runner over an in-memory cluster and an in-memory probe: paths the Lab cannot provoke.</summary>
public sealed class RunnerWithFakesTests
{
    private const string Deployment = FakeRun.Deployment;

    private static (DrillsConfig Config, DrillDefinition Drill) Setup(AbortIfDefinition? abortIf = null) => FakeRun.Setup(abortIf);

    private static DrillEngine Engine(FakeCluster cluster, IProbeTransport transport, IJournal journal) => FakeRun.Engine(cluster, transport, journal);

    [Test]
    public async Task Run_UnexpectedExceptionInAStep_ErroredAndRestoreStillRuns()
    {
        var cluster = new FakeCluster("c") { OnScale = () => throw new InvalidOperationException("boom") };
        cluster.Put(ObjectKind.Deployment, "reviews-v1", Deployment);
        var dir = Directory.CreateTempSubdirectory("fake-journal-").FullName;
        var (config, drill) = Setup();

        var report = await Engine(cluster, new FakeRun.SwitchTransport(), new FileJournal(dir)).Start(config, drill, new RunTrigger(TriggerKind.Api, "t")).Completion;

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Errored));
        Assert.That(report.Reasons[0], Is.EqualTo("the engine broke: boom"));
        Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Verified), "the annotations written before the scale are removed");
        cluster.OnScale = null;
        Assert.That(cluster.Object(ObjectKind.Deployment, "reviews-v1")!.ToJsonString(), Is.EqualTo(Deployment));
        Directory.Delete(dir, recursive: true);
    }

    [Test]
    public async Task Run_ErrorsAboveAbortIf_AbortedAndRestored()
    {
        var transport = new FakeRun.SwitchTransport();
        // The app breaks the moment the fault is applied (not when the test's continuation gets a thread),
        // so every sample in the first abortIf window after the fault is an error: the ratio is exactly 1.
        var cluster = new FakeCluster("c") { OnScale = () => transport.Broken = true };
        cluster.Put(ObjectKind.Deployment, "reviews-v1", Deployment);
        var waiter = new EventWaiter(e => e is StepApplied);
        var dir = Directory.CreateTempSubdirectory("fake-journal-").FullName;
        var (config, drill) = Setup(new AbortIfDefinition(0.5, TimeSpan.FromMilliseconds(200)));
        var run = Engine(cluster, transport, new FileJournal(dir)).Start(config, drill with { ObserveFor = TimeSpan.FromSeconds(10) }, new RunTrigger(TriggerKind.Api, "t"), [waiter]);
        await waiter.Hit;

        var report = await run.Completion.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Aborted));
        Assert.That(report.Reasons[0], Does.StartWith("abortIf: error ratio 1 above 0.5"));
        Assert.That(report.Markers.Select(m => m.Kind), Does.Contain("abort"));
        Assert.That(cluster.Object(ObjectKind.Deployment, "reviews-v1")!.ToJsonString(), Is.EqualTo(Deployment));
        Assert.That(waiter.Events.OfType<RunFinished>().Single().Report.RunId, Is.EqualTo(run.RunId));
        Directory.Delete(dir, recursive: true);
    }

    [Test]
    public async Task Run_Events_RaisedInLifecycleOrder()
    {
        var cluster = new FakeCluster("c");
        cluster.Put(ObjectKind.Deployment, "reviews-v1", Deployment);
        var waiter = new EventWaiter(e => e is RunFinished);
        var dir = Directory.CreateTempSubdirectory("fake-journal-").FullName;
        var (config, drill) = Setup();

        var engine = Engine(cluster, new FakeRun.SwitchTransport(), new FileJournal(dir));
        var run = engine.Start(config, drill, new RunTrigger(TriggerKind.Api, "t"), [waiter]);
        await run.Completion;

        var kinds = waiter.Events.Where(e => e is not ProbeSampled).Select(e => e is PhaseChanged p ? $"phase:{p.Phase}" : e.GetType().Name).ToList();
        Assert.That(kinds, Is.EqualTo(new[]
        {
            "RunStarted", "phase:Preflight", "phase:SteadyState", "phase:Steps", "StepApplied", "phase:Observe", "phase:Restore", "RestoreItemDone", "phase:Failback",
            "CheckSettled", "CheckSettled", "CheckSettled", "VerdictReached", "phase:Finished", "RunFinished",
        }));
        Assert.That(waiter.Events.OfType<ProbeSampled>().Count(), Is.GreaterThan(10));
        Directory.Delete(dir, recursive: true);
    }

    [Test]
    public async Task Run_TimeoutExpires_AbortedAndRestored()
    {
        var cluster = new FakeCluster("c");
        cluster.Put(ObjectKind.Deployment, "reviews-v1", Deployment);
        var dir = Directory.CreateTempSubdirectory("fake-journal-").FullName;
        var (config, drill) = Setup();
        drill = drill with { Expect = drill.Expect with { MinSamples = 100_000 }, ObserveFor = TimeSpan.FromSeconds(20), Timeout = TimeSpan.FromMilliseconds(600) };

        var report = await Engine(cluster, new FakeRun.SwitchTransport(), new FileJournal(dir)).Start(config, drill, new RunTrigger(TriggerKind.Api, "t")).Completion.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Aborted));
        Assert.That(report.Reasons[0], Is.EqualTo("timed out after 0.6s"));
        Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Verified));
        Assert.That(cluster.Object(ObjectKind.Deployment, "reviews-v1")!.ToJsonString(), Is.EqualTo(Deployment));
        Directory.Delete(dir, recursive: true);
    }

    [Test]
    public async Task Run_BlackoutActive_RefusedBeforeAnythingHappens()
    {
        var cluster = new FakeCluster("c");
        cluster.Put(ObjectKind.Deployment, "reviews-v1", Deployment);
        var (config, drill) = Setup();
        config = config with { Blackouts = [new BlackoutDefinition("always", "* * * ? * *", TimeZoneInfo.Utc, TestCron.Always("* * * ? * *"), SourceLocation.None)] };
        var dir = Directory.CreateTempSubdirectory("fake-journal-").FullName;
        var journal = new FileJournal(dir);

        var report = await Engine(cluster, new FakeRun.SwitchTransport(), journal).Start(config, drill, new RunTrigger(TriggerKind.Slack, "U1")).Completion;

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Aborted));
        Assert.That(report.Reasons[0], Is.EqualTo("refused: blackout always with no end; to run anyway: --override-blackout \"why\""));
        Assert.That(report.Trigger.OverrideBlackout, Is.Null);
        Assert.That(report.Probes.Total, Is.Zero);
        Assert.That(Directory.EnumerateFiles(dir), Is.Empty, "nothing was journaled");
        Directory.Delete(dir, recursive: true);
    }

    [TestCase(TriggerKind.Cli, true)]
    [TestCase(TriggerKind.Slack, true)]
    [TestCase(TriggerKind.Schedule, false)]
    public async Task Run_BlackoutWithOverrideReason_RunsAndRecordsItExceptScheduled(TriggerKind kind, bool runs)
    {
        var cluster = new FakeCluster("c");
        cluster.Put(ObjectKind.Deployment, "reviews-v1", Deployment);
        var (config, drill) = Setup();
        config = config with { Blackouts = [new BlackoutDefinition("always", "* * * ? * *", TimeZoneInfo.Utc, TestCron.Always(), SourceLocation.None)] };
        var dir = Directory.CreateTempSubdirectory("fake-journal-").FullName;

        var trigger = new RunTrigger(kind, "alice") { OverrideBlackoutReason = " hotfix check " };
        var report = await Engine(cluster, new FakeRun.SwitchTransport(), new FileJournal(dir)).Start(config, drill, trigger).Completion;

        if (runs)
        {
            Assert.That(report.Verdict, Is.EqualTo(Verdict.Passed), string.Join("; ", report.Reasons));
            Assert.That(report.Trigger.OverrideBlackout, Is.EqualTo(new DrillBot.Drills.Reports.BlackoutOverride("always", "hotfix check", "alice")));
            var json = System.Text.Json.Nodes.JsonNode.Parse(DrillBot.Drills.Reports.ReportJson.Serialize(report))!;
            Assert.That(json["trigger"]!["overrideBlackout"]!.ToJsonString(), Is.EqualTo("""{"blackout":"always","reason":"hotfix check","by":"alice"}"""));
            Assert.That(DrillBot.Drills.Reports.HtmlReport.Render(report), Does.Contain("blackout always overridden by alice: hotfix check"));
        }
        else
        {
            Assert.That(report.Verdict, Is.EqualTo(Verdict.Aborted));
            Assert.That(report.Reasons[0], Does.StartWith("refused: blackout always"));
            Assert.That(report.Trigger.OverrideBlackout, Is.Null, "a scheduled fire is never overridden");
        }

        Directory.Delete(dir, recursive: true);
    }

    [Test]
    public async Task Run_SteadyStateDoesNotHold_AbortedWithoutChanges()
    {
        var cluster = new FakeCluster("c");
        cluster.Put(ObjectKind.Deployment, "reviews-v1", Deployment);
        var dir = Directory.CreateTempSubdirectory("fake-journal-").FullName;
        var (config, drill) = Setup();

        var report = await Engine(cluster, new FakeRun.SwitchTransport { Broken = true }, new FileJournal(dir)).Start(config, drill, new RunTrigger(TriggerKind.Schedule, "quartz")).Completion;

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Aborted));
        Assert.That(report.Reasons[0], Does.StartWith("steady state did not hold before the fault: ok ratio 0 < 1"));
        Assert.That(report.Steps, Is.Empty);
        Assert.That(report.Restore.Objects, Is.Empty);
        Directory.Delete(dir, recursive: true);
    }
}
