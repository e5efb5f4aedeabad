using YamlDotNet.RepresentationModel;

namespace DrillBot.Drills.Definitions.Parsing;

/// <summary>Reads one drill and checks what only makes sense across its parts.</summary>
internal static class DrillParser
{
    public static DrillDefinition? Parse(YamlContext ctx, YamlNode node, string path, IReadOnlyDictionary<string, ClusterDefinition> clusters, DefaultsDefinition defaults)
    {
        var map = MapReader.Of(ctx, node, path);
        if (map is null)
        {
            return null;
        }

        var name = map.String("name", required: true);
        var description = map.String("description");
        var tz = ConfigParser.TimeZoneOf(ctx, map, "timeZone") ?? defaults.TimeZone;
        var schedule = ConfigParser.Cron(ctx, map, "schedule", tz);
        var ns = map.String("namespace") ?? defaults.Namespace;
        var env = new StepEnv(ctx, clusters, ns);
        var probeNodes = map.List("probes");
        var perEntry = map.Get("probes") is not null;
        var probe = ProbeParser.Parse(ctx, map.Map("probe", required: true), perEntry);
        var preconditions = map.List("preconditions").Select((n, i) => PreconditionParser.Parse(env, n, $"{map.Sub("preconditions")}[{i}]")).OfType<PreconditionDefinition>().ToList();
        var steady = ParseSteadyState(map.Map("steadyState"));
        var steps = map.List("steps", required: true).Select((n, i) => StepParser.Parse(env, n, $"{map.Sub("steps")}[{i}]")).ToList();
        var expect = ExpectParser.Parse(ctx, map.Map("expect", required: true));
        var named = perEntry ? ProbesParser.Parse(ctx, map, probeNodes, probe, expect) : [];
        var control = ParseControl(map.Map("control"));
        var abortIf = ParseAbortIf(map.Map("abortIf"));
        var observeFor = map.Duration("observeFor", required: true);
        var restoreMap = map.Map("restore");
        var verifyWithin = restoreMap?.Duration("verifyWithin") ?? TimeSpan.FromSeconds(60);
        var failbackMap = restoreMap?.Map("failback");
        var failback = failbackMap is null ? null : FailbackOf(failbackMap);
        failbackMap?.Done();
        restoreMap?.Done();
        var timeout = map.Duration("timeout") ?? TimeSpan.FromMinutes(10);
        var owners = OwnersOf(ctx, map);
        var approval = ApprovalParser.Parse(ctx, map.Map("approval"), schedule is not null);
        map.Done();

        if (name is null || probe is null || expect is null || observeFor is null || steps.Any(s => s is null) || (perEntry && named.Count == 0))
        {
            return null;
        }

        var drill = new DrillDefinition
        {
            Name = name,
            Description = description,
            Schedule = schedule?.Expression,
            Fires = schedule,
            TimeZone = tz,
            Namespace = ns,
            Probe = named.Count > 0 ? named[0].Probe : probe,
            NamedProbes = named,
            Control = control,
            Preconditions = preconditions,
            SteadyState = steady,
            Steps = steps.Select(s => s!).ToList(),
            Expect = expect,
            AbortIf = abortIf,
            ObserveFor = observeFor.Value,
            Restore = new RestoreDefinition(verifyWithin) { Failback = failback },
            Timeout = timeout,
            Owners = owners,
            Approval = approval,
            Location = map.Location,
        };
        DrillRules.Check(ctx, drill, path);
        return drill;
    }

    private static OwnersPolicy OwnersOf(YamlContext ctx, MapReader map)
    {
        var node = map.Get("owners");
        var text = node is null ? null : ctx.Scalar(node, map.Sub("owners"));
        if (text is null || node is null)
        {
            return OwnersPolicy.Refuse;
        }

        if (Running.WireNames.TryParse<OwnersPolicy>(text, out var policy))
        {
            return policy;
        }

        ctx.Problem(node, $"{map.Sub("owners")}: '{text}' is not one of {string.Join(", ", Running.WireNames.All<OwnersPolicy>())} (what to do about Argo CD, Flux, KEDA or an HPA that would undo the drill's changes)");
        return OwnersPolicy.Refuse;
    }

    private static SteadyStateDefinition ParseSteadyState(MapReader? map)
    {
        if (map is null)
        {
            return new SteadyStateDefinition(TimeSpan.FromSeconds(3), 1.0);
        }

        var duration = map.Duration("duration") ?? TimeSpan.FromSeconds(3);
        var ratio = map.Number("minOkRatio", min: 0, max: 1) ?? 1.0;
        map.Done();
        return new SteadyStateDefinition(duration, ratio);
    }

    private static ControlDefinition? ParseControl(MapReader? map)
    {
        if (map is null)
        {
            return null;
        }

        var duration = map.Duration("duration", required: true);
        map.Done();
        return duration is null ? null : new ControlDefinition(duration.Value) { Location = map.Location };
    }

    private static AbortIfDefinition? ParseAbortIf(MapReader? map)
    {
        if (map is null)
        {
            return null;
        }

        var ratio = map.Number("errorRatioAbove", required: true, min: 0, max: 1);
        var duration = map.Duration("for", required: true);
        map.Done();
        return ratio is null || duration is null ? null : new AbortIfDefinition(ratio.Value, duration.Value);
    }

    private static FailbackExpectation? FailbackOf(MapReader map)
    {
        var servedBy = map.String("servedBy", required: true);
        var atLeast = map.Number("atLeast", required: true, min: 0, max: 1);
        var stableFor = map.Duration("stableFor", required: true);
        return servedBy is null || atLeast is null || stableFor is null ? null : new FailbackExpectation(servedBy, atLeast.Value, stableFor.Value);
    }
}
