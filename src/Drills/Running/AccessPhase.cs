using DrillBot.Drills.Owners;
using DrillBot.Drills.Permissions;

namespace DrillBot.Drills.Running;

/// <summary>
/// The part of preflight that reads before anything changes: the owners of the drill's objects and what the drill's
/// <c>owners</c> policy does about them, then every permission the run needs (SelfSubjectAccessReviews and dry runs). A
/// missing permission stops the run as errored (one reason per line, CLI exit 3); an owner the policy refuses, as aborted.
/// </summary>
internal static class AccessPhase
{
    /// <summary>The owners decision, or null when the run stopped here.</summary>
    public static async Task<OwnerDecision?> RunAsync(RunContext ctx, CancellationToken cancellationToken)
    {
        var scan = await OwnerDetector.ScanAsync(ctx.Setup.Drill, ctx.ClientFor, cancellationToken);
        var decision = OwnerDecision.Of(scan.Findings, ctx.Setup.Drill.Owners);
        ctx.Recording.Owners = decision.Findings;
        var report = await PermissionPreflight.CheckAsync(ctx.Setup.Config, ctx.Setup.Drill, scan, decision.ToPause, ctx.Setup.RunId, ctx.Setup.Options.Lock.LeaseName, ctx.ClientFor, cancellationToken);
        ctx.Recording.Permissions = report;
        if (!report.Ok)
        {
            foreach (var problem in report.Problems)
            {
                ctx.Recording.Stop(Verdict.Errored, problem);
            }

            return null;
        }

        if (decision.Refusal is { } refusal)
        {
            ctx.Recording.Stop(Verdict.Aborted, refusal);
            return null;
        }

        return decision;
    }
}
