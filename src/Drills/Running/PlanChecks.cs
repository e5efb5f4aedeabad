using DrillBot.Drills.Owners;

namespace DrillBot.Drills.Running;

/// <summary>The owners and permission sections of a dry-run plan as plain lines (the CLI, Slack and the API print the same).</summary>
public static class PlanChecks
{
    public static IEnumerable<string> Lines(DrillPlan plan)
    {
        yield return plan.Owners.Count == 0 ? "owners: none found (no Argo CD, Flux, KEDA or HPA owns the objects this drill changes)" : "owners:";
        foreach (var o in plan.Owners)
        {
            var action = o.Action switch
            {
                OwnerAction.Paused => $"a real run pauses it: {o.PauseDescription}",
                OwnerAction.Refused => "a real run refuses",
                OwnerAction.Ignored => "left running (owners: ignore): a revert would abort the run",
                _ => "nothing to do",
            };
            yield return $"  {o.Describe()} owns {o.Target.Kind} {o.Target.Namespace}/{o.Target.Name}: {o.Why} → {action}";
        }

        if (plan.OwnersRefusal is { } refusal)
        {
            yield return $"  {refusal}";
        }

        var checks = plan.Permissions.Checks;
        var dryRuns = plan.Permissions.DryRuns;
        yield return $"permissions: {checks.Count(c => c.Allowed)} of {checks.Count} allowed, {dryRuns.Count(d => d.Ok)} of {dryRuns.Count} dry runs accepted";
        foreach (var c in checks)
        {
            yield return c.Allowed
                ? $"  ok       {c.Access.Check.Verb} {c.Access.Check.Describe()} in namespace {c.Access.Check.Namespace} (cluster {c.Access.Cluster}, context {c.Context})"
                : $"  MISSING  {c.MissingLine()}";
        }

        foreach (var d in dryRuns)
        {
            yield return d.Ok ? $"  dry run  {d.Write.Describe()} in cluster {d.Cluster}: accepted" : $"  REFUSED  {d.FailureLine()}";
        }

        foreach (var e in plan.Permissions.Errors)
        {
            yield return $"  ERROR    {e}";
        }
    }
}
