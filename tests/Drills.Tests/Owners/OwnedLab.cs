using DrillBot.Drills.Tests.Running;
using DrillBot.Lab;

namespace DrillBot.Drills.Tests.Owners;

/// <summary>Labs whose objects have owners: Argo CD, Flux, KEDA or an HPA, with a 1 s self-heal / autoscaler sync.</summary>
internal static class OwnedLab
{
    public static readonly TimeSpan SelfHeal = TimeSpan.FromSeconds(1);

    public static Task<LabRun> StartAsync(params LabOwnerSpec[] owners)
    {
        var t = LabRun.Fastest(LabTopology.Default);
        return LabRun.StartAsync(t with { Owners = owners, Timing = t.Timing with { SelfHealDelay = SelfHeal, AutoscalerSyncPeriod = SelfHeal } });
    }

    /// <summary>Argo CD Application argocd/bookinfo with automated sync and selfHeal, tracking reviews-v1 in ack-hangzhou.</summary>
    public static LabOwnerSpec ArgoOnReviewsV1 { get; } = new(LabOwnerKind.ArgoCd, "ack-hangzhou", "bookinfo") { Objects = ["Deployment/reviews-v1"] };

    /// <summary>Every object a drill or its owners may touch, with the Application, for before/after comparison.</summary>
    public static IReadOnlyDictionary<string, string?> Snapshot(LabRun lab)
    {
        var all = new Dictionary<string, string?>(lab.Snapshot())
        {
            ["app/bookinfo"] = lab.State("ack-hangzhou", "Application", "bookinfo", "argocd"),
            ["so/reviews-v1"] = lab.State("ack-hangzhou", "ScaledObject", "reviews-v1"),
            ["hpa/reviews-v1"] = lab.State("ack-hangzhou", "HorizontalPodAutoscaler", "reviews-v1"),
        };
        return all;
    }
}
