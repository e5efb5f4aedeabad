using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace DrillBot.Lab.Tests.Api;

/// <summary>The watch event stream (<c>?watch=true</c>) through KubernetesClient's own watcher, and its resourceVersion rules.</summary>
public sealed class WatchTests
{
    [Test]
    public async Task WatchDeployment_ScaledByAnother_ModifiedEventCarriesReplicasAndManager()
    {
        await using var lab = await TestLab.StartAsync();
        var apps = lab.Kube("ack-hangzhou").AppsV1;
        var read = await apps.ReadNamespacedDeploymentAsync("reviews-v1", "default");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var events = new List<(WatchEventType Type, V1Deployment Object)>();
        var watching = Task.Run(async () =>
        {
            await foreach (var (type, item) in apps.WatchListNamespacedDeploymentAsync("default", fieldSelector: "metadata.name=reviews-v1",
                resourceVersion: read.Metadata.ResourceVersion, cancellationToken: cts.Token))
            {
                events.Add((type, item));
                if (item.Spec.Replicas == 0)
                {
                    return;
                }
            }
        });

        await apps.PatchNamespacedDeploymentScaleAsync(new V1Patch("{\"spec\":{\"replicas\":0}}", V1Patch.PatchType.MergePatch), "reviews-v1", "default", fieldManager: "argocd-controller");
        await watching.WaitAsync(cts.Token);

        var modified = events.Last();
        var entry = modified.Object.Metadata.ManagedFields.Single(f => f.Manager == "argocd-controller");
        Assert.Multiple(() =>
        {
            Assert.That(modified.Type, Is.EqualTo(WatchEventType.Modified));
            Assert.That(events.Select(e => e.Object.Metadata.Name), Is.All.EqualTo("reviews-v1"), "the field selector keeps other deployments out");
            Assert.That(entry.Subresource, Is.EqualTo("scale"));
            Assert.That(entry.Operation, Is.EqualTo("Update"));
            Assert.That(JsonNode.Parse(KubernetesJson.Serialize(entry.FieldsV1))!.ToJsonString(), Is.EqualTo("{\"f:spec\":{\"f:replicas\":{}}}"));
        });
    }

    [Test]
    public async Task WatchWithoutResourceVersion_StartsWithAddedForEachExistingObject()
    {
        await using var lab = await TestLab.StartAsync();
        var read = await lab.ReadLinesAsync("asm", "/apis/networking.istio.io/v1/namespaces/default/destinationrules?watch=true", 4);

        var lines = read.Select(l => JsonNode.Parse(l)!).ToList();
        Assert.That(lines.Select(l => l["type"]!.ToString()), Is.All.EqualTo("ADDED"));
        Assert.That(lines.Select(l => l["object"]!["metadata"]!["name"]!.ToString()), Is.EquivalentTo(new[] { "details", "productpage", "ratings", "reviews" }));
        Assert.That(lines.Select(l => l["object"]!["apiVersion"]!.ToString()), Is.All.EqualTo("networking.istio.io/v1"));
    }

    [Test]
    public async Task WatchFromOldResourceVersion_ReplaysTheWritesAfterIt_InOrder()
    {
        await using var lab = await TestLab.StartAsync();
        var custom = lab.Kube("asm").CustomObjects;
        var before = (System.Text.Json.JsonElement)await custom.GetNamespacedCustomObjectAsync("networking.istio.io", "v1", "default", "destinationrules", "reviews");
        var rv = before.GetProperty("metadata").GetProperty("resourceVersion").GetString();
        foreach (var n in new[] { 1, 2, 3 })
        {
            await custom.PatchNamespacedCustomObjectAsync(new V1Patch($"{{\"metadata\":{{\"labels\":{{\"step\":\"{n}\"}}}}}}", V1Patch.PatchType.MergePatch), "networking.istio.io", "v1", "default", "destinationrules", "reviews");
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var steps = new List<string>();
        await foreach (var (type, obj) in custom.WatchListNamespacedCustomObjectAsync("networking.istio.io", "v1", "default", "destinationrules",
            fieldSelector: "metadata.name=reviews", resourceVersion: rv, cancellationToken: cts.Token))
        {
            var item = (System.Text.Json.JsonElement)obj;
            Assert.That(type, Is.EqualTo(WatchEventType.Modified));
            steps.Add(item.GetProperty("metadata").GetProperty("labels").GetProperty("step").GetString()!);
            if (steps.Count == 3)
            {
                break;
            }
        }

        Assert.That(steps, Is.EqualTo(new[] { "1", "2", "3" }));
    }

    [Test]
    public async Task WatchEnvoyFilters_CreatedPatchedDeleted_AddedModifiedDeletedInOrder()
    {
        await using var lab = await TestLab.StartAsync();
        var custom = lab.Kube("asm").CustomObjects;
        var list = (System.Text.Json.JsonElement)await custom.ListNamespacedCustomObjectAsync("networking.istio.io", "v1alpha3", "default", "envoyfilters");
        var rv = list.GetProperty("metadata").GetProperty("resourceVersion").GetString();
        await FaultPolicies.CreateEnvoyFilterAsync(lab, FaultPolicies.InboundAbort("watched"));
        await custom.PatchNamespacedCustomObjectAsync(new V1Patch("{\"metadata\":{\"labels\":{\"step\":\"patched\"}}}", V1Patch.PatchType.MergePatch), "networking.istio.io", "v1alpha3", "default", "envoyfilters", "watched");
        await custom.DeleteNamespacedCustomObjectAsync("networking.istio.io", "v1alpha3", "default", "envoyfilters", "watched");

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var seen = new List<(WatchEventType Type, string Name)>();
        await foreach (var (type, obj) in custom.WatchListNamespacedCustomObjectAsync("networking.istio.io", "v1alpha3", "default", "envoyfilters", resourceVersion: rv, cancellationToken: cts.Token))
        {
            seen.Add((type, ((System.Text.Json.JsonElement)obj).GetProperty("metadata").GetProperty("name").GetString()!));
            if (seen.Count == 3)
            {
                break;
            }
        }

        Assert.That(seen, Is.EqualTo(new[] { (WatchEventType.Added, "watched"), (WatchEventType.Modified, "watched"), (WatchEventType.Deleted, "watched") }));
    }

    [Test]
    public void EventsAfter_ResourceVersionOlderThanTheHistory_IsGone()
    {
        var store = new DrillBot.Lab.Api.ObjectStore();
        var first = long.Parse(store.NextResourceVersion(), System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i <= DrillBot.Lab.Api.ObjectStore.HistorySize; i++)
        {
            store.Put("ConfigMap", "default", "c", new JsonObject { ["metadata"] = new JsonObject { ["resourceVersion"] = store.NextResourceVersion() } });
        }

        Assert.Multiple(() =>
        {
            Assert.That(store.EventsAfter(first, _ => true), Is.Null, "the first write was compacted away: 410");
            Assert.That(store.EventsAfter(store.RevisionNumber - 2, _ => true)!.Count, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task WatchFromCompactedResourceVersion_ErrorEvent410()
    {
        await using var lab = await TestLab.StartAsync();

        var (_, body) = await lab.RawApiAsync("asm", HttpMethod.Get, "/apis/networking.istio.io/v1/namespaces/default/destinationrules?watch=true&resourceVersion=1");

        var line = JsonNode.Parse(body.Split('\n')[0])!;
        Assert.That(line["type"]!.ToString(), Is.EqualTo("ERROR"));
        Assert.That(line["object"]!["code"]!.GetValue<int>(), Is.EqualTo(410));
        Assert.That(line["object"]!["reason"]!.ToString(), Is.EqualTo("Expired"));
    }
}
