using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;

namespace DrillBot.Drills.Tests.Reliability;

/// <summary>A control run's fault is journaled like every change: a process that dies mid-control leaves it to `drillbot restore`.</summary>
[NonParallelizable]
public sealed class ControlCrashTests
{
    [Test]
    public async Task Run_ProcessDiesMidControl_JournalHoldsTheControlsFaultAndRestoreFinishesIt()
    {
        await using var lab = await ReliabilityLab.StartAsync();
        var before = lab.Snapshot();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var paused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var dying = new DrillEngine(lab.Engine(ChildProcess.Owner(ChildProcess.DeadPid())).Options with
        {
            Checkpoint = point =>
            {
                if (point != "control-observe")
                {
                    return ValueTask.CompletedTask;
                }

                paused.TrySetResult();
                return new ValueTask(gate.Task); // the process "dies" here: nothing of it runs any more
            },
        });
        var drill = lab.Drill("reviews-failover") with { Control = new ControlDefinition(TimeSpan.FromSeconds(5)) };
        var run = dying.Start(lab.Config, drill, new RunTrigger(TriggerKind.Cli, "reliability-test"));
        await paused.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var left = (await lab.UnfinishedAsync()).Single();
        Assert.That(left.Entries.Select(e => (e.Entry.Target.Name, e.Entry.Step, e.State)), Is.EqualTo(new[] { ("reviews-v1", "scale", JournalEntryState.Applied) }),
            "only the control's fault was applied (its remediation is left out), journaled before the change");
        Assert.That(lab.State("ack-hangzhou", "Deployment", "reviews-v1"), Does.Contain("\"replicas\":0").And.Contain($"\"drillbot.io/run\":\"{run.RunId}\""));

        var resumed = await lab.Engine("restorer").CreateRestoreService(lab.Config).RestoreUnfinishedAsync(null, CancellationToken.None);

        Assert.That(resumed.Select(r => (r.Run.RunId, r.Restore.Status)), Is.EqualTo(new[] { (run.RunId, RestoreStatus.Verified) }));
        Assert.That(lab.Snapshot(), Is.EqualTo(before), "reviews-v1 back at 1 replica, no drillbot annotations");
        Assert.That(await lab.UnfinishedAsync(), Is.Empty);

        // let go of the stuck engine (it never comes back in a real crash): it aborts and leaves everything as it is
        run.Abort("the test is over");
        gate.TrySetCanceled();
        var report = await run.Completion.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.That(report.Verdict, Is.Not.EqualTo(Verdict.Passed));
        Assert.That(lab.Snapshot(), Is.EqualTo(before));
    }
}
