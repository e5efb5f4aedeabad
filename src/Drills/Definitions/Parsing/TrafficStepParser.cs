using YamlDotNet.RepresentationModel;

namespace DrillBot.Drills.Definitions.Parsing;

/// <summary>Reads the DestinationRule steps: <c>enableFailover</c> and <c>distributeTraffic</c>.</summary>
internal static class TrafficStepParser
{
    public static StepDefinition? EnableFailover(StepEnv env, MapReader map)
    {
        var ctx = env.Context;
        var cluster = env.Cluster(map);
        var ns = map.String("namespace") ?? env.Namespace;
        var dr = map.String("destinationRule", required: true);
        var failover = new List<FailoverRule>();
        var nodes = map.List("failover"); // optional: without it Istio's default priorities apply (same region first, then the others)
        for (var i = 0; i < nodes.Count; i++)
        {
            var f = MapReader.Of(ctx, nodes[i], $"{map.Sub("failover")}[{i}]");
            var from = f?.String("from", required: true);
            var to = f?.String("to", required: true);
            f?.Done();
            if (from is not null && to is not null)
            {
                failover.Add(new FailoverRule(from, to));
            }
        }

        var odNode = map.Get("outlierDetection");
        var od = odNode is null ? null : OutlierDetection(ctx, MapReader.Of(ctx, odNode, map.Sub("outlierDetection")));
        var maxRequests = map.Int("maxRequestsPerConnection", min: 1);
        var fault = map.Bool("fault") ?? false;
        if (map.Get("distribute") is { } distribute)
        {
            ctx.Problem(distribute, $"{map.Path}: 'distribute' and 'failover' cannot be used together in one localityLbSetting (use a distributeTraffic step instead)");
        }

        if (odNode is null)
        {
            ctx.Problem(map.Location, $"{map.Path}: failover needs 'outlierDetection': Istio only applies failover priorities when the DestinationRule has outlier detection");
        }

        return cluster is null || dr is null || od is null
            ? null
            : new EnableFailoverStep { Cluster = cluster, Namespace = ns, DestinationRule = dr, Failover = failover, OutlierDetection = od, MaxRequestsPerConnection = maxRequests, Fault = fault };
    }

    public static StepDefinition? DistributeTraffic(StepEnv env, MapReader map)
    {
        var ctx = env.Context;
        var cluster = env.Cluster(map);
        var ns = map.String("namespace") ?? env.Namespace;
        var dr = map.String("destinationRule", required: true);
        var rules = new List<DistributeRule>();
        var nodes = map.List("distribute", required: true);
        for (var i = 0; i < nodes.Count; i++)
        {
            var rule = Distribute(ctx, MapReader.Of(ctx, nodes[i], $"{map.Sub("distribute")}[{i}]"));
            if (rule is not null)
            {
                rules.Add(rule);
            }
        }

        var odMap = map.Map("outlierDetection");
        var od = odMap is null ? null : OutlierDetection(ctx, odMap);
        var fault = map.Bool("fault") ?? false;
        if (map.Get("failover") is { } failover)
        {
            ctx.Problem(failover, $"{map.Path}: 'distribute' and 'failover' cannot be used together in one localityLbSetting");
        }

        return cluster is null || dr is null
            ? null
            : new DistributeTrafficStep { Cluster = cluster, Namespace = ns, DestinationRule = dr, Distribute = rules, OutlierDetection = od, Fault = fault };
    }

    private static DistributeRule? Distribute(YamlContext ctx, MapReader? map)
    {
        if (map is null)
        {
            return null;
        }

        var from = map.String("from", required: true);
        var to = map.Map("to", required: true);
        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        if (to is not null)
        {
            foreach (var (k, _) in to.Node.Children)
            {
                var locality = ((YamlScalarNode)k).Value ?? string.Empty;
                var w = to.Int(locality, min: 1, max: 100);
                if (w is not null)
                {
                    weights[locality] = w.Value;
                }
            }

            to.Done();
            if (weights.Count == to.Node.Children.Count && weights.Values.Sum() != 100)
            {
                ctx.Problem(to.Location, $"{to.Path}: weights total {weights.Values.Sum()}, they must total 100");
            }
        }

        map.Done();
        return from is null || to is null ? null : new DistributeRule(from, weights);
    }

    private static OutlierDetectionSettings? OutlierDetection(YamlContext ctx, MapReader? map)
    {
        if (map is null)
        {
            return null;
        }

        var c5xx = map.Int("consecutive5xxErrors", min: 0);
        var gateway = map.Int("consecutiveGatewayErrors", min: 0);
        var interval = map.Duration("interval");
        var ejection = map.Duration("baseEjectionTime");
        var maxPercent = map.Int("maxEjectionPercent", min: 0, max: 100) ?? 100;
        map.Done();
        if (c5xx is null && gateway is null)
        {
            ctx.Problem(map.Location, $"{map.Path}: give 'consecutive5xxErrors' or 'consecutiveGatewayErrors'");
        }

        return new OutlierDetectionSettings(c5xx, gateway, interval, ejection, maxPercent);
    }
}
