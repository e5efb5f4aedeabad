using System.Text.Json;
using System.Text.Json.Nodes;
using DrillBot.Drills.Journal;
using k8s;
using k8s.Models;

namespace DrillBot.Drills.Cluster;

/// <summary>Lists, access reviews and dry runs (the owner scan and the permission preflight).</summary>
internal sealed partial class KubernetesClusterClient
{
    public async Task<ClusterResult<ObjectList>> ListAsync(ObjectKind kind, string @namespace, CancellationToken cancellationToken)
    {
        var (group, version, plural) = await PathOf(kind, cancellationToken);
        var r = await call.RunAsync("list", $"{plural}.{group} in namespace {@namespace}", ct => client.CustomObjects.ListNamespacedCustomObjectAsync(group, version, @namespace, plural, cancellationToken: ct), cancellationToken);
        if (r.Error?.Kind == ClusterErrorKind.NotFound)
        {
            return ClusterResult<ObjectList>.Success(ObjectList.NotServed);
        }

        return r.Ok
            ? ClusterResult<ObjectList>.Success(new ObjectList(true, (ToJson(r.Value)?["items"] as JsonArray ?? []).OfType<JsonObject>().Select(i => (JsonObject)i.DeepClone()).ToList()))
            : r.As<ObjectList>();
    }

    public async Task<ClusterResult<AccessDecision>> ReviewAccessAsync(AccessCheck check, CancellationToken cancellationToken)
    {
        var review = new V1SelfSubjectAccessReview
        {
            Spec = new V1SelfSubjectAccessReviewSpec
            {
                ResourceAttributes = new V1ResourceAttributes
                {
                    Verb = check.Verb, Group = check.Group, Resource = check.Resource, Subresource = check.Subresource, NamespaceProperty = check.Namespace, Name = check.Name,
                },
            },
        };
        var r = await call.RunAsync("review access to", check.Describe(), ct => client.AuthorizationV1.CreateSelfSubjectAccessReviewAsync(review, cancellationToken: ct), cancellationToken);
        return r.Ok ? ClusterResult<AccessDecision>.Success(new AccessDecision(r.Value!.Status?.Allowed == true, r.Value.Status?.Reason)) : r.As<AccessDecision>();
    }

    public async Task<ClusterResult<JsonObject?>> DryRunAsync(PlannedWrite write, CancellationToken cancellationToken)
    {
        const string All = "All";
        var target = write.Target;
        var (group, version, plural) = await PathOf(target.Kind, cancellationToken);
        var what = $"{target.Kind} {target.Namespace}/{target.Name} (dry run)";
        switch (write.Kind)
        {
            case WriteKind.Scale:
                var scale = new V1Patch(write.Body!.ToJsonString(), V1Patch.PatchType.MergePatch);
                var s = await call.RunAsync("scale", what, ct => client.AppsV1.PatchNamespacedDeploymentScaleAsync(scale, target.Name, target.Namespace, dryRun: All, fieldManager: FieldManager, cancellationToken: ct), cancellationToken);
                return s.Ok ? ClusterResult<JsonObject?>.Success(ToJson(s.Value)) : s.As<JsonObject?>();
            case WriteKind.Create:
                var body = (JsonObject)write.Body!.DeepClone();
                body["apiVersion"] = $"{group}/{version}";
                var element = JsonSerializer.Deserialize<JsonElement>(body.ToJsonString());
                var c = await call.RunAsync("create", what, ct => client.CustomObjects.CreateNamespacedCustomObjectAsync(element, group, version, target.Namespace, plural, dryRun: All, fieldManager: FieldManager, cancellationToken: ct), cancellationToken);
                return c.Ok ? ClusterResult<JsonObject?>.Success(ToJson(c.Value)) : c.As<JsonObject?>();
            case WriteKind.Delete:
                var d = await call.RunAsync("delete", what, ct => client.CustomObjects.DeleteNamespacedCustomObjectAsync(group, version, target.Namespace, plural, target.Name, dryRun: All, cancellationToken: ct), cancellationToken);
                return d.Ok || d.Error!.Kind == ClusterErrorKind.NotFound ? ClusterResult<JsonObject?>.Success(null) : d.As<JsonObject?>();
            default:
                var patch = new V1Patch(write.Body!.ToJsonString(), V1Patch.PatchType.MergePatch);
                var p = await call.RunAsync("patch", what, ct => client.CustomObjects.PatchNamespacedCustomObjectAsync(patch, group, version, target.Namespace, plural, target.Name, dryRun: All, fieldManager: FieldManager, cancellationToken: ct), cancellationToken);
                return p.Ok ? ClusterResult<JsonObject?>.Success(ToJson(p.Value)) : p.As<JsonObject?>();
        }
    }
}
