using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;

namespace DrillBot.Drills.Tests.Reliability;

/// <summary>The drill lock at preflight: whose fresh lease may be taken over at once, whose refuses the run.</summary>
[NonParallelizable]
public sealed class LockTakeoverTests
{
    [Test]
    public async Task Run_FreshLeaseOfADeadLocalProcess_TakenOverAtOnceAndReleasedAfter()
    {
        await using var lab = await ReliabilityLab.StartAsync();
        var before = lab.Snapshot();
        var dead = $"{ChildProcess.Owner(ChildProcess.DeadPid())} run ghost";
        await DeadRun.HoldLeaseAsync(lab, "hangzhou", dead, DateTimeOffset.UtcNow);
        await DeadRun.HoldLeaseAsync(lab, "mesh", dead, DateTimeOffset.UtcNow);

        var report = await lab.RunAsync(lab.Engine("runner"), lab.Drill("reviews-failover"));

        Assert.That(report.Reasons, Has.None.Contains("refused"), string.Join("\n", report.Reasons));
        Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Verified));
        Assert.That((await lab.LeaseAsync("mesh"))!.Holder, Is.Null.Or.Empty);
        Assert.That(lab.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task Run_FreshLeaseOfThisOwnerForARunItDoesNotRun_TakenOver()
    {
        await using var lab = await ReliabilityLab.StartAsync();
        // e.g. a restarted service with a stable instance id, or a release that failed after the run ended
        await DeadRun.HoldLeaseAsync(lab, "mesh", "runner run finished-long-ago", DateTimeOffset.UtcNow);

        var report = await lab.RunAsync(lab.Engine("runner"), lab.Drill("reviews-failover"));

        Assert.That(report.Reasons, Has.None.Contains("refused"), string.Join("\n", report.Reasons));
        Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Verified));
    }

    [Test]
    public async Task Run_FreshLeaseOfALiveLocalProcess_RefusedNamingTheHolder()
    {
        await using var lab = await ReliabilityLab.StartAsync();
        var sleeper = ChildProcess.Sleeper();
        try
        {
            var holder = $"{ChildProcess.Owner(sleeper.Id)} run other";
            await DeadRun.HoldLeaseAsync(lab, "mesh", holder, DateTimeOffset.UtcNow);

            var report = await lab.RunAsync(lab.Engine("runner"), lab.Drill("reviews-failover"));

            Assert.That(report.Verdict, Is.EqualTo(Verdict.Aborted));
            Assert.That(report.Reasons[0], Does.StartWith($"refused: cluster mesh is locked by {holder} (Lease default/drillbot-lock, renewed "));
            Assert.That(report.Restore.Objects, Is.Empty);
            Assert.That((await lab.LeaseAsync("hangzhou"))!.Holder, Is.Null.Or.Empty, "all or nothing: the lease it took first is given back");
        }
        finally
        {
            ChildProcess.Stop(sleeper);
        }
    }

    [Test]
    public async Task Run_DeadRunLeftChanges_LeaseTakenOverButRefusedUntilRestoredThenRuns()
    {
        await using var lab = await ReliabilityLab.StartAsync();
        var before = lab.Snapshot();
        var runId = await DeadRun.LeaveAsync(lab, "reviews-failover-runbook-order", ChildProcess.Owner(ChildProcess.DeadPid()), applied: 1, DateTimeOffset.UtcNow);
        var engine = lab.Engine("runner");

        var refused = await lab.RunAsync(engine, lab.Drill("reviews-failover-runbook-order"));
        var resumed = await engine.CreateRestoreService(lab.Config).RestoreUnfinishedAsync(null, CancellationToken.None);
        var after = await lab.RunAsync(engine, lab.Drill("reviews-failover-runbook-order"));

        Assert.That(refused.Verdict, Is.EqualTo(Verdict.Aborted));
        Assert.That(refused.Reasons[0], Is.EqualTo($"refused: hangzhou:Deployment/default/reviews-v1 still carries the changes of run {runId}; run `drillbot restore` first"));
        Assert.That(refused.Restore.Objects, Is.Empty, "the refused run changes nothing and restores nothing of another run");
        Assert.That(resumed.Single().Restore.Status, Is.EqualTo(RestoreStatus.Verified));
        Assert.That(after.Reasons, Has.None.Contains("refused"), string.Join("\n", after.Reasons));
        Assert.That(lab.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task RestoreUnfinished_RunStillGoingInAnotherEngine_LeftAloneByEveryone()
    {
        await using var lab = await ReliabilityLab.StartAsync();
        var before = lab.Snapshot();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var paused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = new DrillEngine(lab.Engine("process-a").Options with
        {
            Checkpoint = point =>
            {
                if (point != "observe")
                {
                    return ValueTask.CompletedTask;
                }

                paused.TrySetResult();
                return new ValueTask(gate.Task);
            },
        });
        var run = running.Start(lab.Config, lab.Drill("reviews-failover"), new RunTrigger(TriggerKind.Cli, "test"));
        await paused.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var byOtherProcess = await lab.Engine("process-b").CreateRestoreService(lab.Config).RestoreUnfinishedAsync(null, CancellationToken.None);
        var bySameProcess = await running.CreateRestoreService(lab.Config).RestoreUnfinishedAsync(null, CancellationToken.None);
        gate.SetResult();
        var report = await run.Completion.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.That(byOtherProcess, Is.Empty, "its lease is fresh");
        Assert.That(bySameProcess, Is.Empty, "this process runs it");
        Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Verified));
        Assert.That(lab.Snapshot(), Is.EqualTo(before));
        Assert.That(await lab.UnfinishedAsync(), Is.Empty);
    }
}
