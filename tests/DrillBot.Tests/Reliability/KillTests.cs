namespace DrillBot.Tests.Reliability;

/// <summary>
/// <c>drillbot run</c> killed with SIGKILL at each phase of reviews-failover (stopped exactly there by the
/// DRILLBOT_TEST_PAUSE_AT hook), then <c>drillbot restore</c> started at once: the Lab is back to exactly its
/// prior state (annotations included), the journal records the run as restored after an interruption, and
/// the dead run's leases are taken over and freed without waiting for them to expire.
/// </summary>
[NonParallelizable]
public sealed class KillTests
{
    private const string Deployment = "Deployment reviews-v1";
    private const string Rule = "DestinationRule reviews";

    public static IEnumerable<TestCaseData> KillPoints()
    {
        TestCaseData Point(string point, string phase, params string[] changed) => new TestCaseData(point, changed).SetArgDisplayNames(point, phase);
        yield return Point("step-captured:1", "after capture, before the fault reaches the API");
        yield return Point("step-annotated:1", "fault half-applied: annotations written, replicas not yet", Deployment);
        yield return Point("step-applied:1", "after the fault", Deployment);
        yield return Point("step-captured:2", "after capture of enableFailover", Deployment);
        yield return Point("step-applied:2", "after enableFailover", Deployment, Rule);
        yield return Point("observe", "during observe", Deployment, Rule);
        yield return Point("restore-item:1", "during restore, one of two objects restored", Deployment);
    }

    [TestCaseSource(nameof(KillPoints))]
    public async Task Run_KilledAtPoint_RestoreAfterRestartPutsEverythingBackExactly(string point, string[] changedAtKill)
    {
        await using var cli = await ReliabilityCli.StartAsync();
        var before = cli.Snapshot();
        using var run = cli.Start(point, "run", "reviews-failover-runbook-order");
        await run.PausedAtAsync(point);
        var atKill = cli.Snapshot();

        run.Kill();
        var killed = await run.ExitCodeAsync();
        var runId = cli.OnlyRunId();
        var owner = cli.Journal(runId)[0]["run"]!["owner"]!.GetValue<string>();
        var unfinished = cli.CompletedAs(runId);
        var restore = await cli.RunAsync("restore");

        Assert.Multiple(() =>
        {
            Assert.That(before.Keys.Where(k => before[k] != atKill[k]), Is.EqualTo(changedAtKill), "what the drill had changed when it was killed");
            Assert.That(killed, Is.EqualTo(137), "SIGKILL");
            Assert.That(owner, Is.EqualTo($"{Environment.MachineName}/{run.Id}"));
            Assert.That(unfinished, Is.Null, "the journal shows the run unfinished");
            Assert.That(restore.Code, Is.Zero, restore.Out);
            Assert.That(restore.Out, Does.Contain($"run {runId} (reviews-failover-runbook-order, started ").And.Contain($" by {owner}) was interrupted: restore verified"));
            Assert.That(restore.Out, Does.Contain($"took over the drill lease in cluster mesh from {owner} run {runId} (process {owner} no longer runs)"));
            Assert.That(cli.Snapshot(), Is.EqualTo(before), "byte for byte as before the run (resourceVersion/generation/managedFields and status aside)");
            Assert.That(cli.CompletedAs(runId), Is.EqualTo("restored-after-interruption"));
            Assert.That(cli.LeaseHolder("ack-hangzhou"), Is.Null, "the leases are free at once");
            Assert.That(cli.LeaseHolder("asm"), Is.Null);
        });
    }

    [Test]
    public async Task Restore_ItselfKilledHalfway_TheNextRestoreFinishesIt()
    {
        await using var cli = await ReliabilityCli.StartAsync();
        var before = cli.Snapshot();
        using (var run = cli.Start("observe", "run", "reviews-failover-runbook-order"))
        {
            await run.PausedAtAsync("observe");
            run.Kill();
            await run.ExitCodeAsync();
        }

        var runId = cli.OnlyRunId();
        using var first = cli.Start("recover-item:1", "restore");
        await first.PausedAtAsync("recover-item:1");
        var halfway = cli.Snapshot();
        first.Kill();
        await first.ExitCodeAsync();
        var second = await cli.RunAsync("restore");

        var restorer = $"{Environment.MachineName}/{first.Id}";
        Assert.Multiple(() =>
        {
            Assert.That(before.Keys.Where(k => before[k] != halfway[k]), Is.EqualTo(new[] { "Deployment reviews-v1" }), "the first restore put the DestinationRule back");
            Assert.That(second.Code, Is.Zero, second.Out);
            Assert.That(second.Out, Does.Contain($"run {runId} (reviews-failover-runbook-order").And.Contain("was interrupted: restore verified"));
            Assert.That(second.Out, Does.Contain($"took over the drill lease in cluster mesh from {restorer} restore {runId} (process {restorer} no longer runs)"));
            Assert.That(second.Out, Does.Contain("hangzhou:Deployment/default/reviews-v1: verified").And.Not.Contain("mesh:DestinationRule"));
            Assert.That(cli.Snapshot(), Is.EqualTo(before));
            Assert.That(cli.CompletedAs(runId), Is.EqualTo("restored-after-interruption"));
        });
    }
}
