using System.Text.RegularExpressions;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Probing;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Drills.Running.Events;

namespace DrillBot.Drills.Tests.Running;

/// <summary>The runner over an in-memory cluster and an in-memory probe: paths the Lab cannot provoke.</summary>
public sealed class RunnerWithFakesTests
{
    private const string Deployment = """{"metadata":{"name":"reviews-v1","namespace":"default"},"spec":{"replicas":1}}""";

    private sealed class SwitchTransport : IProbeTransport
    {
        public volatile bool Broken;

        public Task<ProbeResponse> SendAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken) =>
            Task.FromResult(Broken ? new ProbeResponse(503, "down", null) : new ProbeResponse(200, "reviews-v2", null));
    }

    private static (DrillsConfig Config, DrillDefinition Drill) Setup(AbortIfDefinition? abortIf = null)
    {
        var cluster = new ClusterDefinition("c", "ctx", null, false, SourceLocation.None);
        var drill = new DrillDefinition
        {
            Name = "fake",
            TimeZone = TimeZoneInfo.Utc,
            Namespace = "default",
            Probe = new ProbeDefinition(new Uri("http://fake/"), TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(1), [new ClassifyRule("v2", null, null, new Regex("reviews-v2"), true)], 8),
            SteadyState = new SteadyStateDefinition(TimeSpan.FromMilliseconds(100), 1.0),
            Steps = [new ScaleStep { Cluster = "c", Namespace = "default", Deployment = "reviews-v1", Replicas = 0, Fault = true }],
            Expect = new ExpectDefinition(new RecoveryExpectation("v2", TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100)), new Dictionary<string, ShareExpectation>(), 0, null),
            AbortIf = abortIf,
            ObserveFor = TimeSpan.FromSeconds(1),
            Restore = new RestoreDefinition(TimeSpan.FromSeconds(1)),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var config = new DrillsConfig("fake.yaml", new Dictionary<string, ClusterDefinition> { ["c"] = cluster }, DefaultsDefinition.Standard, [], [drill]);
        return (config, drill);
    }

    private static DrillEngine Engine(FakeCluster cluster, IProbeTransport transport, IJournal journal) =>
        new(new DrillEngineOptions { Clusters = cluster, Journal = journal, ProbeTransport = transport });

    [Test]
    public async Task Run_UnexpectedExceptionInAStep_ErroredAndRestoreStillRuns()
    {
        var cluster = new FakeCluster("c") { OnScale = () => throw new InvalidOperationException("boom") };
        cluster.Put(ObjectKind.Deployment, "reviews-v1", Deployment);
        var dir = Directory.CreateTempSubdirectory("fake-journal-").FullName;
        var (config, drill) = Setup();

        var report = await Engine(cluster, new SwitchTransport(), new FileJournal(dir)).Start(config, drill, new RunTrigger(TriggerKind.Api, "t")).Completion;

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
        var transport = new SwitchTransport();
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

        var engine = Engine(cluster, new SwitchTransport(), new FileJournal(dir));
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

        var report = await Engine(cluster, new SwitchTransport(), new FileJournal(dir)).Start(config, drill, new RunTrigger(TriggerKind.Api, "t")).Completion.WaitAsync(TimeSpan.FromSeconds(20));

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
        config = config with { Blackouts = [new BlackoutDefinition("always", "* * * ? * *", TimeZoneInfo.Utc, SourceLocation.None)] };
        var dir = Directory.CreateTempSubdirectory("fake-journal-").FullName;
        var journal = new FileJournal(dir);

        var report = await Engine(cluster, new SwitchTransport(), journal).Start(config, drill, new RunTrigger(TriggerKind.Slack, "U1")).Completion;

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Aborted));
        Assert.That(report.Reasons[0], Does.StartWith("refused: blackout 'always' is active"));
        Assert.That(report.Probes.Total, Is.Zero);
        Assert.That(Directory.EnumerateFiles(dir), Is.Empty, "nothing was journaled");
        Directory.Delete(dir, recursive: true);
    }

    [Test]
    public async Task Run_SteadyStateDoesNotHold_AbortedWithoutChanges()
    {
        var cluster = new FakeCluster("c");
        cluster.Put(ObjectKind.Deployment, "reviews-v1", Deployment);
        var dir = Directory.CreateTempSubdirectory("fake-journal-").FullName;
        var (config, drill) = Setup();

        var report = await Engine(cluster, new SwitchTransport { Broken = true }, new FileJournal(dir)).Start(config, drill, new RunTrigger(TriggerKind.Schedule, "quartz")).Completion;

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Aborted));
        Assert.That(report.Reasons[0], Does.StartWith("steady state did not hold before the fault: ok ratio 0 < 1"));
        Assert.That(report.Steps, Is.Empty);
        Assert.That(report.Restore.Objects, Is.Empty);
        Directory.Delete(dir, recursive: true);
    }
}
