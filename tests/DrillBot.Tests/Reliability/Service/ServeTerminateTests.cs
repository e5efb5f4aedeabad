using DrillBot.Drills.Restore;
using System.Diagnostics;
using DrillBot.Drills.Running;
using DrillBot.Store.Runs;
using DrillBot.Store;
using DrillBot.Tests.Service.Support;

namespace DrillBot.Tests.Reliability.Service;

/// <summary>
/// A real <c>drillbot serve</c> sent SIGTERM in the middle of a drill: it aborts the run and restores before it exits,
/// within DRILLBOT_SHUTDOWN_GRACE, exit 0, the run recorded aborted with its restore verified and nothing left for the
/// next start. When the restore cannot complete before exit it exits 4, and the next start finishes the restore and
/// records it.
/// </summary>
[NonParallelizable]
public sealed class ServeTerminateTests
{
    private const string Drill = "reviews-failover";

    [TestCase("step-applied:1")]
    [TestCase("observe")]
    public async Task Serve_TerminatedMidDrill_RestoresBeforeExitExit0NothingLeft(string point)
    {
        await using var world = await ServeLab.StartAsync(TestDrills.Yaml());
        var before = world.Snapshot();
        var db = world.SqliteDb();
        using var serve = await world.ServeAsync(db, "serve-term", point);
        var runId = await serve.StartRunAsync(Drill);
        await serve.Process.PausedAtAsync(point);

        var clock = Stopwatch.StartNew();
        serve.Process.Terminate();
        var code = await serve.Process.ExitCodeAsync(TimeSpan.FromSeconds(40));
        var took = clock.Elapsed;
        var atExit = world.Snapshot();
        TestContext.Out.WriteLine($"serve SIGTERM at {point}: exit {code} after {took.TotalSeconds:0.00}s");
        var (record, unfinished) = await ReadStoreAsync(db, runId);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, serve.Process.Output);
            Assert.That(atExit, Is.EqualTo(before), "restored before the process exited");
            Assert.That(took, Is.LessThan(TimeSpan.FromSeconds(20)), "within DRILLBOT_SHUTDOWN_GRACE");
            Assert.That(serve.Process.Out, Does.Contain("shutdown: 1 drill(s) aborted and restored"));
            Assert.That(record.Status, Is.EqualTo(RunStatus.Finished));
            Assert.That(record.Verdict, Is.EqualTo(Verdict.Aborted));
            Assert.That(record.RestoreStatus, Is.EqualTo(RestoreStatus.Verified));
            Assert.That(record.Summary, Does.Contain("shutdown (SIGTERM)"));
            Assert.That(unfinished, Is.Empty, "nothing left in the journal for the next start");
            Assert.That(world.LeaseHolder("ack-hangzhou"), Is.Null.Or.Empty);
            Assert.That(world.LeaseHolder("asm"), Is.Null.Or.Empty);
        });
    }

    [Test]
    public async Task Serve_TerminatedWhileRestoreForbidden_Exit4NextStartRestoresAndRecordsIt()
    {
        await using var world = await ServeLab.StartAsync(TestDrills.Yaml());
        var before = world.Snapshot();
        var db = world.SqliteDb();
        string runId;
        int code;
        using (var serve = await world.ServeAsync(db, "serve-term", "observe"))
        {
            runId = await serve.StartRunAsync(Drill);
            await serve.Process.PausedAtAsync("observe");
            world.Lab.Control.Forbid("ack-hangzhou", "patch", "Deployment", "reviews-v1");
            serve.Process.Terminate();
            code = await serve.Process.ExitCodeAsync(TimeSpan.FromSeconds(40));
            TestContext.Out.WriteLine(serve.Process.Out);
        }

        var (atExit, unfinishedAtExit) = await ReadStoreAsync(db, runId);
        var changedAtExit = world.Snapshot()["Deployment reviews-v1"] != before["Deployment reviews-v1"];
        world.Lab.Control.ClearFaults();
        using var next = await world.ServeAsync(db, "serve-next");
        var report = await next.WaitAsync(
            async () => await next.HistoryEntryAsync(runId) is { } e && e["restore"]?.GetValue<string>() == "verified" ? e : null,
            "the next start to finish the restore");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(4), "exit 4: the restore did not complete, state may still be changed");
            Assert.That(changedAtExit, Is.True, "reviews-v1 was still scaled down at exit");
            Assert.That(unfinishedAtExit, Is.EqualTo(new[] { runId }), "left in the journal for the next start");
            Assert.That(atExit.RestoreStatus, Is.EqualTo(RestoreStatus.Failed));
            Assert.That(report["status"]!.GetValue<string>(), Is.EqualTo("restored-after-interruption"));
            Assert.That(world.Snapshot(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Serve_TerminatedRestoreSlowerThanGrace_Exit4AfterGraceNextStartRestores()
    {
        await using var world = await ServeLab.StartAsync(TestDrills.Yaml());
        var before = world.Snapshot();
        var db = world.SqliteDb();
        string runId;
        int code;
        TimeSpan took;
        string output;
        using (var serve = await world.ServeAsync(db, "serve-term", "observe", new Dictionary<string, string> { ["DRILLBOT_SHUTDOWN_GRACE"] = "1s" }))
        {
            runId = await serve.StartRunAsync(Drill);
            await serve.Process.PausedAtAsync("observe");
            world.Lab.Control.SetApiFaults("ack-hangzhou", 0, latency: TimeSpan.FromSeconds(8));
            var clock = Stopwatch.StartNew();
            serve.Process.Terminate();
            code = await serve.Process.ExitCodeAsync(TimeSpan.FromSeconds(40));
            took = clock.Elapsed;
            output = serve.Process.Out;
        }

        world.Lab.Control.ClearFaults();
        using var next = await world.ServeAsync(db, "serve-next");
        var entry = await next.WaitAsync(
            async () => await next.HistoryEntryAsync(runId) is { } e && e["status"]?.GetValue<string>() == "restored-after-interruption" ? e : null,
            "the next start to restore the run cut short by the grace period");
        TestContext.Out.WriteLine($"serve SIGTERM, restore slower than a 1s grace: exit {code} after {took.TotalSeconds:0.00}s");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(4), output);
            Assert.That(took, Is.LessThan(TimeSpan.FromSeconds(7)), "the grace (1s) plus the host's 5s margin bound the exit");
            Assert.That(output, Does.Contain($"shutdown: the restore of run {runId} did not finish within 00:00:01"));
            Assert.That(entry["restore"]!.GetValue<string>(), Is.EqualTo("verified"));
            Assert.That(world.Snapshot(), Is.EqualTo(before));
        });
    }

    /// <summary>The run's history record and the ids of unfinished journal runs, read from the store file after serve exited.</summary>
    private static async Task<(RunSummary Record, IReadOnlyList<string> Unfinished)> ReadStoreAsync(string db, string runId)
    {
        await using var store = await StoreFactory.OpenAsync(StoreLocation.Parse(db), TimeProvider.System, null, CancellationToken.None);
        var record = (await store.Runs.GetAsync(runId, CancellationToken.None))!.Run;
        var unfinished = (await store.Journal.GetUnfinishedRunsAsync(CancellationToken.None)).Select(r => r.Run.RunId).ToList();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return (record, unfinished);
    }
}
