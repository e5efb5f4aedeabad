using System.Text.RegularExpressions;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Probing;
using DrillBot.Drills.Running;

namespace DrillBot.Drills.Tests.Running;

/// <summary>A drill over an in-memory cluster (<see cref="FakeCluster"/>) and an in-memory probe: one scale step, recovery to class <c>v2</c>.</summary>
internal static class FakeRun
{
    public const string Deployment = """{"metadata":{"name":"reviews-v1","namespace":"default"},"spec":{"replicas":1}}""";

    /// <summary>Answers every probe with reviews-v2 (class <c>v2</c>, ok), or 503 while <see cref="Broken"/>.</summary>
    public sealed class SwitchTransport : IProbeTransport
    {
        public volatile bool Broken;

        public Task<ProbeResponse> SendAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken) =>
            Task.FromResult(Broken ? new ProbeResponse(503, "down", null) : new ProbeResponse(200, "reviews-v2", null));
    }

    public static (DrillsConfig Config, DrillDefinition Drill) Setup(AbortIfDefinition? abortIf = null)
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

    public static DrillEngine Engine(FakeCluster cluster, IProbeTransport transport, IJournal journal) =>
        new(new DrillEngineOptions { Clusters = cluster, Journal = journal, ProbeTransport = transport });
}
