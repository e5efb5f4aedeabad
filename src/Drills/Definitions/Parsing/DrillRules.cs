namespace DrillBot.Drills.Definitions.Parsing;

/// <summary>Rules that span several parts of one drill.</summary>
internal static class DrillRules
{
    public static void Check(YamlContext ctx, DrillDefinition drill, string path)
    {
        var classes = drill.Probe.Classify.Select(c => c.Class).ToHashSet(StringComparer.Ordinal);
        var faults = drill.Steps.Where(s => s.Fault).ToList();
        foreach (var extra in faults.Skip(1))
        {
            ctx.Problem(extra.Location, $"{path}: only one step may be marked 'fault: true' (it defines t0)");
        }

        if (drill.Expect.Recovery is { } recovery)
        {
            if (faults.Count == 0)
            {
                ctx.Problem(drill.Location, $"{path}.expect.recovery: needs a step marked 'fault: true' (recovery is measured from it)");
            }

            var rule = drill.Probe.Classify.FirstOrDefault(c => c.Class == recovery.ServedBy);
            if (rule is null || !rule.Ok)
            {
                ctx.Problem(drill.Location, $"{path}.expect.recovery.servedBy: '{recovery.ServedBy}' is not an ok class of probe.classify ({string.Join(", ", classes)})");
            }

            if (recovery.StableFor > drill.ObserveFor)
            {
                ctx.Problem(drill.Location, $"{path}.expect.recovery.stableFor: longer than observeFor, recovery could never be seen");
            }
        }

        if (drill.Expect.BeforeFault is { } before)
        {
            var faultIndex = drill.Steps.ToList().FindIndex(st => st.Fault);
            if (faultIndex < 0)
            {
                ctx.Problem(drill.Location, $"{path}.expect.beforeFault: needs a step marked 'fault: true' (it is measured up to that step)");
            }
            else if (faultIndex == 0)
            {
                ctx.Problem(drill.Steps[0].Location, $"{path}.expect.beforeFault: needs at least one step before the fault step (arm the remediation, then `wait`, then the fault); here the fault is step 1");
            }

            var rule = drill.Probe.Classify.FirstOrDefault(c => c.Class == before.ServedBy);
            if (rule is null || !rule.Ok)
            {
                ctx.Problem(drill.Location, $"{path}.expect.beforeFault.servedBy: '{before.ServedBy}' is not an ok class of probe.classify ({string.Join(", ", classes)})");
            }
        }

        foreach (var cls in drill.Expect.Share.Keys.Where(c => !classes.Contains(c)))
        {
            ctx.Problem(drill.Location, $"{path}.expect.share: '{cls}' is not a class of probe.classify ({string.Join(", ", classes)})");
        }

        var failover = drill.Steps.OfType<EnableFailoverStep>().Select(s => (s.Cluster, s.Namespace, s.DestinationRule));
        foreach (var d in drill.Steps.OfType<DistributeTrafficStep>().Where(d => failover.Contains((d.Cluster, d.Namespace, d.DestinationRule))))
        {
            ctx.Problem(d.Location, $"{path}: DestinationRule '{d.DestinationRule}' gets both 'distribute' and 'failover'; they cannot be used together in one localityLbSetting");
        }

        if (drill.Probe.Timeout > drill.Timeout || drill.ObserveFor > drill.Timeout)
        {
            ctx.Problem(drill.Location, $"{path}.timeout: shorter than observeFor or probe.timeout");
        }
    }
}
