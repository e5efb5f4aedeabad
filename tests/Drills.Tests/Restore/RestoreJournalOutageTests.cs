using System.Data.Common;
using System.Text.RegularExpressions;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Probing;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Drills.Tests.Running;

namespace DrillBot.Drills.Tests.Restore;

/// <summary>The service's journal is a database: when it fails while a restore records its outcomes (a DbException), every object is still restored.</summary>
public sealed class RestoreJournalOutageTests
{
    [Test]
    public async Task Restore_DatabaseJournalFailsOnEveryOutcome_EveryObjectStillRestored()
    {
        var cluster = new FakeCluster("c");
        cluster.Put(ObjectKind.Deployment, "a", """{"metadata":{"name":"a","namespace":"default"},"spec":{"replicas":2}}""");
        cluster.Put(ObjectKind.Deployment, "b", """{"metadata":{"name":"b","namespace":"default"},"spec":{"replicas":3}}""");
        var dir = Directory.CreateTempSubdirectory("outage-journal-").FullName;
        var journal = new FailingOutcomes(new FileJournal(dir));
        var (config, drill) = Setup();

        var report = await new DrillEngine(new DrillEngineOptions { Clusters = cluster, Journal = journal, ProbeTransport = new Healthy() })
            .Start(config, drill, new RunTrigger(TriggerKind.Api, "t")).Completion;

        Assert.That(journal.Failures, Is.EqualTo(2), "both outcomes failed to be recorded");
        Assert.That(report.Restore.Objects.Select(o => o.Ok), Is.EqualTo(new[] { true, true }));
        Assert.That(cluster.Object(ObjectKind.Deployment, "a")!["spec"]!["replicas"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(cluster.Object(ObjectKind.Deployment, "b")!["spec"]!["replicas"]!.GetValue<int>(), Is.EqualTo(3));
        Directory.Delete(dir, recursive: true);
    }

    private static (DrillsConfig Config, DrillDefinition Drill) Setup()
    {
        var cluster = new ClusterDefinition("c", "ctx", null, false, SourceLocation.None);
        var drill = new DrillDefinition
        {
            Name = "outage",
            TimeZone = TimeZoneInfo.Utc,
            Namespace = "default",
            Probe = new ProbeDefinition(new Uri("http://fake/"), TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(1), [new ClassifyRule("ok", null, null, new Regex("ok"), true)], 8),
            SteadyState = new SteadyStateDefinition(TimeSpan.FromMilliseconds(50), 1.0),
            Steps =
            [
                new ScaleStep { Cluster = "c", Namespace = "default", Deployment = "a", Replicas = 0, Fault = true },
                new ScaleStep { Cluster = "c", Namespace = "default", Deployment = "b", Replicas = 0 },
            ],
            Expect = new ExpectDefinition(null, new Dictionary<string, ShareExpectation>(), 0, null),
            ObserveFor = TimeSpan.FromMilliseconds(200),
            Restore = new RestoreDefinition(TimeSpan.FromSeconds(1)),
            Timeout = TimeSpan.FromSeconds(30),
        };
        return (new DrillsConfig("outage.yaml", new Dictionary<string, ClusterDefinition> { ["c"] = cluster }, DefaultsDefinition.Standard, [], [drill]), drill);
    }

    private sealed class Healthy : IProbeTransport
    {
        public Task<ProbeResponse> SendAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken) => Task.FromResult(new ProbeResponse(200, "ok", null));
    }

    private sealed class StoreDown() : DbException("the database is down");

    private sealed class FailingOutcomes(IJournal inner) : IJournal
    {
        private int failures;

        public int Failures => failures;

        public Task BeginRunAsync(JournalRun run, CancellationToken cancellationToken) => inner.BeginRunAsync(run, cancellationToken);

        public Task RecordAsync(JournalEntry entry, CancellationToken cancellationToken) => inner.RecordAsync(entry, cancellationToken);

        public Task MarkAppliedAsync(string runId, int sequence, string? appliedJson, CancellationToken cancellationToken) => inner.MarkAppliedAsync(runId, sequence, appliedJson, cancellationToken);

        public Task MarkRestoredAsync(string runId, int sequence, bool ok, string? detail, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref failures);
            throw new StoreDown();
        }

        public Task CompleteRunAsync(string runId, string outcome, CancellationToken cancellationToken) => inner.CompleteRunAsync(runId, outcome, cancellationToken);

        public Task<IReadOnlyList<UnfinishedRun>> GetUnfinishedRunsAsync(CancellationToken cancellationToken) => inner.GetUnfinishedRunsAsync(cancellationToken);
    }
}
