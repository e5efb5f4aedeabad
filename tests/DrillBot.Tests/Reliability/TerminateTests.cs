namespace DrillBot.Tests.Reliability;

/// <summary>
/// <c>drillbot run</c> sent SIGTERM at each phase: it aborts and restores before it exits (exit 1, the journal
/// completes the run, nothing is left for <c>drillbot restore</c>), or, when the restore cannot complete,
/// exits 4 naming what is left, and a later <c>drillbot restore</c> finishes it.
/// </summary>
[NonParallelizable]
public sealed class TerminateTests
{
    [TestCase("step-captured:1")]
    [TestCase("step-applied:1")]
    [TestCase("step-applied:2")]
    [TestCase("observe")]
    [TestCase("restore-item:1")]
    public async Task Run_TerminatedAtPoint_AbortsRestoresBeforeExitExit1(string point)
    {
        await using var cli = await ReliabilityCli.StartAsync();
        var before = cli.Snapshot();
        using var run = cli.Start(point, "run", "reviews-failover", "--report-json", "report.json");
        await run.PausedAtAsync(point);

        run.Terminate();
        var code = await run.ExitCodeAsync();
        var atExit = cli.Snapshot();
        var runId = cli.OnlyRunId();
        var restore = await cli.RunAsync("restore");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1), run.Output);
            Assert.That(run.Flat, Does.Contain("ABORTED").And.Contain("aborted: Ctrl-C/SIGTERM"));
            Assert.That(atExit, Is.EqualTo(before), "restored before the process exited");
            Assert.That(cli.CompletedAs(runId), Is.EqualTo("aborted"));
            Assert.That(File.ReadAllText(Path.Combine(cli.Directory, "report.json")), Does.Contain("\"verdict\": \"aborted\"").And.Contain("\"status\": \"verified\""));
            Assert.That(cli.LeaseHolder("asm"), Is.Null);
            Assert.That(restore.Code, Is.Zero);
            Assert.That(restore.Out, Does.Contain("nothing to restore"));
        });
    }

    [Test]
    public async Task Run_TerminatedButRestoreForbidden_Exit4NamesWhatIsLeftLaterRestoreFinishes()
    {
        await using var cli = await ReliabilityCli.StartAsync();
        var before = cli.Snapshot();
        using var run = cli.Start("observe", "run", "reviews-failover");
        await run.PausedAtAsync("observe");
        cli.Lab.Control.Forbid("ack-hangzhou", "patch", "Deployment", "reviews-v1");

        run.Terminate();
        var code = await run.ExitCodeAsync();
        var runId = cli.OnlyRunId();
        var afterExit = cli.CompletedAs(runId);
        var stillForbidden = await cli.RunAsync("restore");
        cli.Lab.Control.ClearFaults();
        var restore = await cli.RunAsync("restore");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(4), run.Output);
            Assert.That(run.Flat, Does.Contain("RESTORE FAILED for hangzhou:Deployment/default/reviews-v1").And.Contain("403"));
            Assert.That(afterExit, Is.Null, "left unfinished in the journal for `drillbot restore`");
            Assert.That(stillForbidden.Code, Is.EqualTo(4), stillForbidden.Out);
            Assert.That(stillForbidden.Out, Does.Contain("hangzhou:Deployment/default/reviews-v1: FAILED"));
            Assert.That(restore.Code, Is.Zero, restore.Out);
            Assert.That(restore.Out, Does.Contain($"run {runId} (reviews-failover").And.Contain("was interrupted: restore verified"));
            Assert.That(cli.Snapshot(), Is.EqualTo(before));
            Assert.That(cli.CompletedAs(runId), Is.EqualTo("restored-after-interruption"));
        });
    }
}
