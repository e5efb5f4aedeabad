using System.Text.Json;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;

namespace DrillBot.Drills.Tests.Running;

/// <summary>The one spelling of the run vocabulary on every wire (report JSON, SQL, metric labels, Slack, API): a Contract.</summary>
public sealed class WireNamesTests
{
    private static readonly Dictionary<Verdict, string> Verdicts = new()
    {
        [Verdict.Passed] = "passed", [Verdict.Failed] = "failed", [Verdict.Aborted] = "aborted", [Verdict.Errored] = "errored",
        [Verdict.Inconclusive] = "inconclusive",
    };

    private static readonly Dictionary<TriggerKind, string> Triggers = new()
    {
        [TriggerKind.Cli] = "cli", [TriggerKind.Schedule] = "schedule", [TriggerKind.Slack] = "slack", [TriggerKind.Api] = "api",
    };

    private static readonly Dictionary<RestoreStatus, string> Restores = new()
    {
        [RestoreStatus.Verified] = "verified", [RestoreStatus.Restored] = "restored", [RestoreStatus.Failed] = "failed",
    };

    private static readonly Dictionary<RunPhase, string> Phases = new()
    {
        [RunPhase.Pending] = "pending", [RunPhase.Preflight] = "preflight", [RunPhase.SteadyState] = "steadystate", [RunPhase.Control] = "control", [RunPhase.Steps] = "steps",
        [RunPhase.Observe] = "observe", [RunPhase.Restore] = "restore", [RunPhase.Failback] = "failback", [RunPhase.Finished] = "finished",
    };

    [Test]
    public void WireName_EveryVerdict_ContractSpellingAndRoundTrip() => AssertVocabulary(Verdicts);

    [Test]
    public void WireName_EveryTriggerKind_ContractSpellingAndRoundTrip() => AssertVocabulary(Triggers);

    [Test]
    public void WireName_EveryRestoreStatus_ContractSpellingAndRoundTrip() => AssertVocabulary(Restores);

    [Test]
    public void WireName_EveryRunPhase_ContractSpellingAndRoundTrip() => AssertVocabulary(Phases);

    [Test]
    public void TryParse_OtherSpellings_Refused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(WireNames.TryParse<Verdict>("Passed", out _), Is.False, "the wire is case-sensitive");
            Assert.That(WireNames.TryParse<Verdict>("0", out _), Is.False, "numbers are not names");
            Assert.That(WireNames.TryParse<Verdict>(null, out _), Is.False);
            Assert.That(WireNames.TryParse<RestoreStatus>("passed", out _), Is.False, "another enum's name");
        });
    }

    [Test]
    public void WireName_UndeclaredValue_Throws() =>
        Assert.That(() => ((Verdict)42).WireName(), Throws.TypeOf<ArgumentOutOfRangeException>());

    private static void AssertVocabulary<T>(Dictionary<T, string> expected)
        where T : struct, Enum
    {
        Assert.That(Enum.GetValues<T>(), Is.EquivalentTo(expected.Keys), $"every {typeof(T).Name} member has an expected wire name here");
        Assert.That(WireNames.All<T>(), Is.EqualTo(Enum.GetValues<T>().Select(v => expected[v])), "All lists the names in declaration order");
        Assert.Multiple(() =>
        {
            foreach (var (value, name) in expected)
            {
                Assert.That(value.WireName(), Is.EqualTo(name));
                Assert.That(WireNames.TryParse<T>(name, out var parsed), Is.True, name);
                Assert.That(parsed, Is.EqualTo(value));
                Assert.That(JsonSerializer.Serialize(value, ReportJson.Options), Is.EqualTo($"\"{name}\""), "the report JSON spells it the same");
                Assert.That(JsonSerializer.Deserialize<T>($"\"{name}\"", ReportJson.Options), Is.EqualTo(value));
            }
        });
    }
}
