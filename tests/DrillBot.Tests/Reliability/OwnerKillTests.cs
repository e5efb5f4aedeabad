using DrillBot.Lab;

namespace DrillBot.Tests.Reliability;

/// <summary>
/// <c>drillbot run</c> with <c>owners: pause</c> against a reviews-v1 a self-healing Argo CD Application owns, killed with
/// SIGKILL after the pause and mid-drill: <c>drillbot restore</c> puts the Application's automated sync back exactly (and
/// the drill's own changes), and Argo CD then finds nothing to revert.
/// </summary>
[NonParallelizable]
public sealed class OwnerKillTests
{
    private const string Drill = "reviews-failover-runbook-order";

    private static Task<ReliabilityCli> StartAsync()
    {
        var argo = new LabOwnerSpec(LabOwnerKind.ArgoCd, "ack-hangzhou", "bookinfo") { Objects = ["Deployment/reviews-v1"] };
        var topology = LabTopology.Default with { Owners = [argo], Timing = new LabTiming { SelfHealDelay = TimeSpan.FromMilliseconds(500) } };
        return ReliabilityCli.StartAsync(topology, yaml => yaml.Replace(
            $"  - name: {Drill}\n", $"  - name: {Drill}\n    owners: pause\n", StringComparison.Ordinal));
    }

    private static string? Application(ReliabilityCli cli) => cli.State("ack-hangzhou", "Application", "bookinfo", "argocd");

    [TestCase("owner-paused:1", false, TestName = "Run_KilledRightAfterThePause_RestorePutsTheApplicationBackExactly")]
    [TestCase("observe", true, TestName = "Run_KilledMidDrill_RestorePutsTheApplicationAndTheDrillsChangesBackExactly")]
    public async Task Run_KilledAfterThePause_RestorePutsEverythingBack(string point, bool faultApplied)
    {
        await using var cli = await StartAsync();
        var before = cli.Snapshot();
        var application = Application(cli);
        using var run = cli.Start(point, "run", Drill);
        await run.PausedAtAsync(point);
        var pausedApplication = Application(cli);
        var atKill = cli.Snapshot();

        run.Kill();
        var killed = await run.ExitCodeAsync();
        var runId = cli.OnlyRunId();
        await Task.Delay(TimeSpan.FromSeconds(1)); // longer than Argo CD's self-heal delay: it stays paused while nobody restores
        var stillPaused = Application(cli);
        var restore = await cli.RunAsync("restore");
        await Task.Delay(TimeSpan.FromSeconds(1)); // Argo CD reconciles once it is unpaused: nothing left to revert

        Assert.Multiple(() =>
        {
            Assert.That(killed, Is.EqualTo(137), "SIGKILL");
            Assert.That(pausedApplication, Does.Not.Contain("\"automated\"").And.Contain("drillbot.io/run"), "paused and annotated when killed");
            Assert.That(stillPaused, Is.EqualTo(pausedApplication), "nothing unpaused it meanwhile");
            Assert.That(atKill["Deployment reviews-v1"] != before["Deployment reviews-v1"], Is.EqualTo(faultApplied));
            Assert.That(restore.Code, Is.Zero, restore.Out);
            Assert.That(restore.Out, Does.Contain($"run {runId} ({Drill}").And.Contain("was interrupted: restore verified"));
            Assert.That(restore.Out, Does.Contain("hangzhou:Application/argocd/bookinfo: verified"));
            Assert.That(Application(cli), Is.EqualTo(application), "automated sync with selfHeal back, the drill's annotations gone");
            Assert.That(cli.Snapshot(), Is.EqualTo(before));
            Assert.That(cli.Lab.Events.Where(e => e.Kind == LabEventKinds.OwnerActed), Is.Empty, "Argo CD never had to revert anything");
            Assert.That(cli.CompletedAs(runId), Is.EqualTo("restored-after-interruption"));
        });
    }
}
