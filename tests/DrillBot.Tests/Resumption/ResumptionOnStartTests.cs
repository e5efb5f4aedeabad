using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Lab;
using DrillBot.Store.Runs;
using DrillBot.Store;
using DrillBot.Tests.Service.Support;

namespace DrillBot.Tests.Resumption;

/// <summary>serve finds the unfinished run of a dead instance in the store journal, restores it byte for byte and reports it.</summary>
[NonParallelizable]
public sealed class ResumptionOnStartTests
{
    [Test]
    public async Task Start_DeadInstanceLeftARunHalfDone_LabRestoredExactlyAndRunRecordedRestoredAfterInterruption()
    {
        await using var lab = await LabHost.StartAsync(ServiceHarness.FastLab());
        var directory = Directory.CreateTempSubdirectory("drillbot-resume-").FullName;
        var drills = Path.Combine(directory, "drills.yaml");
        await File.WriteAllTextAsync(drills, TestDrills.Yaml());
        var location = StoreLocation.Parse(Path.Combine(directory, "drillbot.db"));
        var before = LabState.Snapshot(lab);

        await using var dead = await DeadRun.StartAsync(lab, drills, location, "slow-failover", "dead-instance");
        var during = LabState.Snapshot(lab);
        await using var service = await ServiceHarness.StartAsync(new ServiceHarness.Options { Lab = lab, Directory = directory, InstanceId = "resumer", WithSlack = true });
        var report = await service.WaitForReportAsync(dead.RunId, TimeSpan.FromSeconds(60));
        var record = (await service.App.Store.Runs.GetAsync(dead.RunId, CancellationToken.None))!.Run;
        var slackResult = await Eventually.WaitAsync(
            () => Task.FromResult(service.Slack!.Calls.FirstOrDefault(c => c.Ok && c.Method == "chat.update" && c.Body!.ToJsonString().Contains(dead.RunId, StringComparison.Ordinal))),
            "the resumed run's result in Slack");
        var metrics = await service.Http.GetStringAsync("/metrics");

        Assert.That(during["Deployment reviews-v1"], Is.Not.EqualTo(before["Deployment reviews-v1"]), "the dead run had scaled reviews-v1 down");
        Assert.That(during["DestinationRule reviews"], Is.Not.EqualTo(before["DestinationRule reviews"]), "and switched failover on");
        Assert.That(LabState.Snapshot(lab), Is.EqualTo(before), "byte for byte as before the drill");
        Assert.That(record.Status, Is.EqualTo(RunStatus.RestoredAfterInterruption));
        Assert.That(record.Verdict, Is.EqualTo(Verdict.Errored));
        Assert.That(record.RestoreStatus, Is.EqualTo(RestoreStatus.Verified));
        Assert.That(report["reasons"]!.ToJsonString(), Does.Contain("restored after an interrupted run by instance resumer"));
        Assert.That(report["restore"]!["objects"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That(await service.App.Store.Journal.GetUnfinishedRunsAsync(CancellationToken.None), Is.Empty);
        Assert.That(slackResult.Body!.ToJsonString(), Does.Contain("restored after an interrupted run"));
        Assert.That(metrics, Does.Contain("drillbot_restore_total{drill=\"slow-failover\",status=\"verified\"} 1"));
        Assert.That(service.Logs.Text, Does.Contain($"run {dead.RunId}: restored after an interrupted run (owner dead-instance)"));
        await service.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
