using DrillBot.Drills.Running;
using DrillBot.Store.Runs;

namespace DrillBot.Tests.Store.Runs;

/// <summary>The stored (and API) spelling of <see cref="RunStatus"/>: a Contract of the history and of <c>GET /api/runs</c>.</summary>
public sealed class RunStatusWireNamesTests
{
    [Test]
    public void WireName_EveryRunStatus_ContractSpellingAndRoundTrip()
    {
        var expected = new Dictionary<RunStatus, string>
        {
            [RunStatus.Running] = "running",
            [RunStatus.Finished] = "finished",
            [RunStatus.Interrupted] = "interrupted",
            [RunStatus.RestoredAfterInterruption] = "restored-after-interruption",
        };

        Assert.That(Enum.GetValues<RunStatus>(), Is.EquivalentTo(expected.Keys));
        Assert.Multiple(() =>
        {
            foreach (var (status, name) in expected)
            {
                Assert.That(status.WireName(), Is.EqualTo(name));
                Assert.That(WireNames.TryParse<RunStatus>(name, out var parsed) ? parsed : (RunStatus?)null, Is.EqualTo(status), name);
            }

            Assert.That(WireNames.TryParse<RunStatus>("RestoredAfterInterruption", out _), Is.False, "only the wire spelling is read back");
        });
    }
}
