namespace DrillBot.Tests.Reliability;

/// <summary>
/// Two real <c>drillbot run</c> processes on the same clusters: the second is refused at preflight naming the
/// holder (verdict aborted, exit 1, nothing changed); a dead holder's lease is taken over at once, and its
/// leftovers are restored by <c>drillbot restore</c> before the next drill may run.
/// </summary>
[NonParallelizable]
public sealed class ContentionTests
{
    [Test]
    public async Task Run_WhileAnotherProcessHoldsTheClusters_RefusedNamingTheHolderExit1()
    {
        await using var cli = await ReliabilityCli.StartAsync();
        var before = cli.Snapshot();
        using var first = cli.Start("observe", "run", "reviews-failover-runbook-order");
        await first.PausedAtAsync("observe");
        var firstRun = cli.OnlyRunId();
        var holder = $"{Environment.MachineName}/{first.Id} run {firstRun}";

        var sameDrill = await cli.RunAsync("run", "reviews-failover-runbook-order");
        var otherDrill = await cli.RunAsync("run", "reviews-distribution");
        var whileHeld = cli.Snapshot();
        first.Resume();
        var firstCode = await first.ExitCodeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(sameDrill.Code, Is.EqualTo(1), sameDrill.Out);
            Assert.That(sameDrill.Out, Does.Contain("ABORTED").And.Contain($"refused: cluster hangzhou is locked by {holder} (Lease default/drillbot-lock, renewed "));
            Assert.That(otherDrill.Code, Is.EqualTo(1), otherDrill.Out);
            Assert.That(otherDrill.Out, Does.Contain($"refused: cluster mesh is locked by {holder}"));
            Assert.That(whileHeld.Where(kv => before[kv.Key] != kv.Value).Select(kv => kv.Key), Is.EqualTo(new[] { "Deployment reviews-v1", "DestinationRule reviews" }), "only the first run's changes");
            Assert.That(firstCode, Is.AnyOf(0, 1), first.Output);
            Assert.That(first.Flat, Does.Contain("restore: verified"));
            Assert.That(Directory.GetFiles(cli.JournalDirectory), Has.Length.EqualTo(1), "refused runs journal nothing");
            Assert.That(cli.Snapshot(), Is.EqualTo(before));
            Assert.That(cli.LeaseHolder("asm"), Is.Null);
        });
    }

    [Test]
    public async Task Run_HolderWasKilled_LeaseTakenOverAtOnceLeftoversRefusedUntilRestoreThenRuns()
    {
        await using var cli = await ReliabilityCli.StartAsync();
        var before = cli.Snapshot();
        int deadPid;
        using (var first = cli.Start("observe", "run", "reviews-failover-runbook-order"))
        {
            await first.PausedAtAsync("observe");
            deadPid = first.Id;
            first.Kill();
            await first.ExitCodeAsync();
        }

        var deadRun = cli.OnlyRunId();
        var dead = $"{Environment.MachineName}/{deadPid}";
        var refused = await cli.RunAsync("run", "reviews-failover-runbook-order");
        var debugLog = await File.ReadAllTextAsync(Path.Combine(cli.Directory, ".drillbot", "debug.log"));
        var restore = await cli.RunAsync("restore");
        var next = await cli.RunAsync("run", "reviews-failover-runbook-order");

        Assert.Multiple(() =>
        {
            Assert.That(refused.Code, Is.EqualTo(1), refused.Out);
            Assert.That(refused.Out, Does.Contain($"refused: hangzhou:Deployment/default/reviews-v1 still carries the changes of run {deadRun}; run `drillbot restore` first"));
            Assert.That(debugLog, Does.Contain($"took over the drill lease in cluster hangzhou from {dead} run {deadRun}: process {dead} no longer runs"), "no waiting for the dead run's lease to expire");
            Assert.That(restore.Code, Is.Zero, restore.Out);
            Assert.That(restore.Out, Does.Contain($"run {deadRun} (reviews-failover-runbook-order").And.Contain("was interrupted: restore verified"));
            Assert.That(next.Code, Is.Zero, next.Out);
            Assert.That(next.Out, Does.Contain("PASSED"));
            Assert.That(cli.Snapshot(), Is.EqualTo(before));
        });
    }
}
