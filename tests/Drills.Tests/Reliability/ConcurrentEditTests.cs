using System.Text.Json.Nodes;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Drills.Steps;

namespace DrillBot.Drills.Tests.Reliability;

/// <summary>
/// Someone else's edit landing exactly between the engine's read of an object and its write (the API server
/// answers 409 to the stale write): the engine re-reads, keeps their change, and says so. Complements
/// tests/Drills.Tests/Running/LabRestoreTests, where the edit happens during observation.
/// </summary>
[NonParallelizable]
public sealed class ConcurrentEditTests
{
    private static readonly ObjectRef Rule = new("mesh", ObjectKind.DestinationRule, "default", "reviews");
    private static readonly ObjectRef ReviewsV1 = new("hangzhou", ObjectKind.Deployment, "default", "reviews-v1");

    /// <summary>The restore's write removes the drill's annotations (one by one, or the whole map when the object had none).</summary>
    private static bool IsRestoreWrite(JsonObject write) =>
        write["metadata"] is JsonObject meta && meta.TryGetPropertyValue("annotations", out var a)
        && (a is null || (a is JsonObject map && map.TryGetPropertyValue(DrillAnnotations.Run, out var run) && run is null));

    private static bool IsStepWrite(JsonObject write) => write["metadata"]?["annotations"]?[DrillAnnotations.Run] is not null;

    private static async Task<(DrillBot.Drills.Reports.DrillReport Report, ReliabilityLab Lab, InterleavingClusters Clusters)> RunWithEditAsync(ReliabilityLab lab, ObjectRef target, Func<JsonObject, bool> which, Func<Task> edit)
    {
        var clusters = new InterleavingClusters(lab.Clusters, (t, write) => t == target && which(write), edit);
        var engine = new DrillEngine(lab.Engine("runner").Options with { Clusters = clusters });
        var report = await lab.RunAsync(engine, lab.Drill("reviews-failover-runbook-order"));
        return (report, lab, clusters);
    }

    private static Task PatchAsync(ReliabilityLab lab, ObjectRef target, string patch) =>
        lab.Client(target.Cluster).PatchAsync(target, JsonNode.Parse(patch)!.AsObject(), CancellationToken.None);

    [Test]
    public async Task Restore_EditOfAFieldTheDrillSetLandsBetweenReadAndWrite_TheirValueKeptAndReported()
    {
        await using var lab = await ReliabilityLab.StartAsync();
        var (report, _, clusters) = await RunWithEditAsync(lab, Rule, IsRestoreWrite,
            () => PatchAsync(lab, Rule, """{"spec":{"trafficPolicy":{"outlierDetection":{"consecutive5xxErrors":7}}}}"""));

        var item = report.Restore.Objects.Single(o => o.Kind == "DestinationRule");
        var after = JsonNode.Parse(lab.State("asm", "DestinationRule", "reviews")!)!;
        Assert.That(clusters.Fired, Is.True);
        Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Restored));
        Assert.That(item.Conflicts, Has.Some.StartsWith("spec.trafficPolicy.outlierDetection.consecutive5xxErrors: someone else set it to 7 during the drill"));
        Assert.That(after["spec"]!["trafficPolicy"]!.ToJsonString(), Is.EqualTo("""{"outlierDetection":{"consecutive5xxErrors":7}}"""), "their value kept, the drill's other fields gone");
        Assert.That(after["metadata"]!["annotations"], Is.Null);
    }

    [Test]
    public async Task Restore_EditOfAFieldTheDrillDidNotTouchLandsBetweenReadAndWrite_KeptAndReported()
    {
        await using var lab = await ReliabilityLab.StartAsync();
        var before = JsonNode.Parse(lab.State("asm", "DestinationRule", "reviews")!)!;
        var (report, _, clusters) = await RunWithEditAsync(lab, Rule, IsRestoreWrite,
            () => PatchAsync(lab, Rule, """{"metadata":{"labels":{"team":"sre"}}}"""));

        var item = report.Restore.Objects.Single(o => o.Kind == "DestinationRule");
        var after = JsonNode.Parse(lab.State("asm", "DestinationRule", "reviews")!)!;
        Assert.That(clusters.Fired, Is.True);
        Assert.That(item.Conflicts, Has.Some.EqualTo("changed by someone else during the drill (kept): metadata.labels.team"));
        Assert.That(after["metadata"]!["labels"]!["team"]!.GetValue<string>(), Is.EqualTo("sre"));
        var labels = after["metadata"]!["labels"]!.AsObject();
        labels.Remove("team");
        if (labels.Count == 0)
        {
            after["metadata"]!.AsObject().Remove("labels"); // the Lab drops an empty map, as the API server does
        }

        Assert.That(after.ToJsonString(), Is.EqualTo(before.ToJsonString()), "everything else exactly as before");
    }

    [Test]
    public async Task Restore_SomeoneScalesBetweenReadAndWrite_TheirReplicasKeptAndReported()
    {
        await using var lab = await ReliabilityLab.StartAsync();
        var (report, _, clusters) = await RunWithEditAsync(lab, ReviewsV1, write => write["spec"]?["replicas"]?.GetValue<int>() == 1 || IsRestoreWrite(write),
            () => lab.Client("hangzhou").PatchScaleAsync("default", "reviews-v1", 3, CancellationToken.None));

        var item = report.Restore.Objects.Single(o => o.Kind == "Deployment");
        Assert.That(clusters.Fired, Is.True);
        Assert.That(item.Conflicts, Has.Some.StartsWith("spec.replicas: someone else set it to 3 during the drill"));
        Assert.That((await lab.Client("hangzhou").GetScaleAsync("default", "reviews-v1", CancellationToken.None)).Value, Is.EqualTo(3));
        var annotations = JsonNode.Parse(lab.State("ack-hangzhou", "Deployment", "reviews-v1")!)!["metadata"]!["annotations"]!.AsObject();
        Assert.That(annotations.Select(a => a.Key), Has.None.StartsWith("drillbot.io/"));
    }

    [Test]
    public async Task Step_EditLandsBetweenItsReadAndWrite_RetriedOnFreshStateAndRestoredWithTheirEdit()
    {
        await using var lab = await ReliabilityLab.StartAsync();
        var (report, _, clusters) = await RunWithEditAsync(lab, Rule, IsStepWrite,
            () => PatchAsync(lab, Rule, """{"spec":{"trafficPolicy":{"tls":{"mode":"ISTIO_MUTUAL"}}}}"""));
        var expected = JsonNode.Parse(lab.State("asm", "DestinationRule", "reviews")!)!;

        Assert.That(clusters.Fired, Is.True);
        Assert.That(report.Steps.All(s => s.Ok), Is.True, string.Join("\n", report.Reasons));
        Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Verified), string.Join("\n", report.Reasons));
        Assert.That(report.Restore.Objects, Has.Count.EqualTo(2), "the write refused with 409 changed nothing and needs no restore");
        Assert.That(expected["spec"]!["trafficPolicy"]!.ToJsonString(), Is.EqualTo("""{"tls":{"mode":"ISTIO_MUTUAL"}}"""), "their edit survives the drill");
        Assert.That(expected["metadata"]!["annotations"], Is.Null);
        Assert.That(await lab.UnfinishedAsync(), Is.Empty);
    }
}
