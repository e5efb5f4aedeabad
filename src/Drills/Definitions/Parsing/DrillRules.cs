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

        CheckExpect(ctx, drill, drill.Expect, $"{path}.expect", drill.Location, faults.Count, classes);
        for (var i = 0; i < drill.NamedProbes.Count; i++)
        {
            var probe = drill.NamedProbes[i];
            if (!ReferenceEquals(probe.Expect, drill.Expect))
            {
                CheckExpect(ctx, drill, probe.Expect, $"{path}.probes[{i}].expect", probe.Location, faults.Count, classes);
            }
        }

        ControlRules.Check(ctx, drill, path);
        var failover = drill.Steps.OfType<EnableFailoverStep>().Select(s => (s.Cluster, s.Namespace, s.DestinationRule));
        foreach (var d in drill.Steps.OfType<DistributeTrafficStep>().Where(d => failover.Contains((d.Cluster, d.Namespace, d.DestinationRule))))
        {
            ctx.Problem(d.Location, $"{path}: DestinationRule '{d.DestinationRule}' gets both 'distribute' and 'failover'; they cannot be used together in one localityLbSetting");
        }

        foreach (var dup in drill.Steps.OfType<FailWorkloadStep>().GroupBy(w => (w.Cluster, w.Namespace, w.Name)).Where(g => g.Count() > 1).Select(g => g.Last()))
        {
            ctx.Problem(dup.Location, $"{path}: two failWorkload steps create EnvoyFilter '{dup.Name}'; give one of them another 'name'");
        }

        FailoverRules.Warn(ctx, drill);
        if (drill.Restore.Failback is { } failback)
        {
            if (drill.Probe.Classify.FirstOrDefault(c => c.Class == failback.ServedBy) is not { Ok: true })
            {
                ctx.Problem(drill.Location, $"{path}.restore.failback.servedBy: '{failback.ServedBy}' is not an ok class of probe.classify ({string.Join(", ", classes)})");
            }

            if (failback.StableFor > drill.Restore.VerifyWithin)
            {
                ctx.Problem(drill.Location, $"{path}.restore.failback.stableFor: longer than restore.verifyWithin, failback could never be seen");
            }
        }


        if (drill.Probe.Timeout > drill.Timeout || drill.ObserveFor > drill.Timeout)
        {
            ctx.Problem(drill.Location, $"{path}.timeout: shorter than observeFor or probe.timeout");
        }
    }

    private static void CheckExpect(YamlContext ctx, DrillDefinition drill, ExpectDefinition expect, string at, SourceLocation location, int faultCount, HashSet<string> classes)
    {
        if (expect.Recovery is { } recovery)
        {
            if (faultCount == 0)
            {
                ctx.Problem(location, $"{at}.recovery: needs a step marked 'fault: true' (recovery is measured from it)");
            }

            var rule = drill.Probe.Classify.FirstOrDefault(c => c.Class == recovery.ServedBy);
            if (rule is null || !rule.Ok)
            {
                ctx.Problem(location, $"{at}.recovery.servedBy: '{recovery.ServedBy}' is not an ok class of probe.classify ({string.Join(", ", classes)})");
            }

            if (recovery.StableFor > drill.ObserveFor)
            {
                ctx.Problem(location, $"{at}.recovery.stableFor: longer than observeFor, recovery could never be seen");
            }
        }

        if (expect.BeforeFault is { } before)
        {
            var faultIndex = drill.Steps.ToList().FindIndex(st => st.Fault);
            if (faultIndex < 0)
            {
                ctx.Problem(location, $"{at}.beforeFault: needs a step marked 'fault: true' (it is measured up to that step)");
            }
            else if (faultIndex == 0)
            {
                ctx.Problem(drill.Steps[0].Location, $"{at}.beforeFault: needs at least one step before the fault step (arm the remediation, then `wait`, then the fault); here the fault is step 1");
            }

            var rule = drill.Probe.Classify.FirstOrDefault(c => c.Class == before.ServedBy);
            if (rule is null || !rule.Ok)
            {
                ctx.Problem(location, $"{at}.beforeFault.servedBy: '{before.ServedBy}' is not an ok class of probe.classify ({string.Join(", ", classes)})");
            }
        }

        foreach (var cls in expect.Share.Keys.Where(c => !classes.Contains(c)))
        {
            ctx.Problem(location, $"{at}.share: '{cls}' is not a class of probe.classify ({string.Join(", ", classes)})");
        }
    }
}
