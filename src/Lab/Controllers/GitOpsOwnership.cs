using System.Text.Json.Nodes;
using DrillBot.Lab.Api;

namespace DrillBot.Lab.Controllers;

/// <summary>
/// Which GitOps owner an object says it belongs to: Argo CD's <c>argocd.argoproj.io/instance</c> label or
/// <c>argocd.argoproj.io/tracking-id</c> annotation (<c>app:group/Kind:ns/name</c>, app <c>ns_name</c> for apps in any
/// namespace; https://argo-cd.readthedocs.io/en/stable/user-guide/resource_tracking/), Flux's
/// <c>kustomize.toolkit.fluxcd.io/name</c> and <c>/namespace</c> labels.
/// </summary>
internal static class GitOpsOwnership
{
    /// <summary>The kinds the Lab's GitOps controllers manage.</summary>
    public static readonly IReadOnlyList<string> OwnableKinds = ["Deployment", "DestinationRule", "VirtualService", "Gateway"];

    /// <summary>(kind, namespace or null = any, name) of the owner <paramref name="obj"/> names, if any.</summary>
    public static IEnumerable<(string Kind, string? Namespace, string Name)> OwnersOf(JsonObject obj)
    {
        var labels = ObjectMetadata.Labels(obj);
        var tracking = obj["metadata"]?["annotations"]?[OwnerKinds.ArgoTrackingAnnotation]?.ToString();
        if (tracking is { Length: > 0 } && tracking.Split(':')[0] is { Length: > 0 } app)
        {
            yield return app.Split('_', 2) is [var ns, var n] ? (OwnerKinds.Application, ns, n) : (OwnerKinds.Application, null, app);
        }
        else if (labels.TryGetValue(OwnerKinds.ArgoInstanceLabel, out var instance) && instance.Length > 0)
        {
            yield return (OwnerKinds.Application, null, instance);
        }

        if (labels.TryGetValue(OwnerKinds.FluxNameLabel, out var ks) && labels.TryGetValue(OwnerKinds.FluxNamespaceLabel, out var ksNs))
        {
            yield return (OwnerKinds.Kustomization, ksNs, ks);
        }
    }

    /// <summary>Whether the owner acts on drift now: Argo CD automated sync with selfHeal (not disabled, not skip-reconcile), Flux not suspended.</summary>
    public static bool SelfHeals(JsonObject owner) => owner["kind"]?.ToString() switch
    {
        OwnerKinds.Application => owner["spec"]?["syncPolicy"]?["automated"] is JsonObject automated
            && automated["enabled"]?.ToString() != "false"
            && automated["selfHeal"]?.ToString() == "true"
            && owner["metadata"]?["annotations"]?[OwnerKinds.ArgoSkipReconcile]?.ToString() != "true",
        OwnerKinds.Kustomization => owner["spec"]?["suspend"]?.ToString() != "true",
        _ => false,
    };

    /// <summary>Flux leaves an object alone when it carries <c>kustomize.toolkit.fluxcd.io/reconcile: disabled</c> (annotation or label).</summary>
    public static bool FluxDisabled(JsonObject obj) =>
        obj["metadata"]?["annotations"]?[OwnerKinds.FluxReconcile]?.ToString() == "disabled"
        || ObjectMetadata.Labels(obj).GetValueOrDefault(OwnerKinds.FluxReconcile) == "disabled";
}
