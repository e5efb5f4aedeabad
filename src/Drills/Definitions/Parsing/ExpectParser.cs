using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace DrillBot.Drills.Definitions.Parsing;

/// <summary>Reads <c>expect:</c>: recovery, shares, minimum samples, maximum error ratio, confidence, beforeFault.</summary>
internal static class ExpectParser
{
    /// <param name="ctx">The parse context.</param>
    /// <param name="map">The <c>expect:</c> mapping.</param>
    /// <param name="baseline">
    /// For a <c>probes[].expect</c>: the drill's expectations, of which the fields given here replace their namesakes
    /// (a given <c>share</c> replaces the whole map); null for the drill's own <c>expect:</c>.
    /// </param>
    public static ExpectDefinition? Parse(YamlContext ctx, MapReader? map, ExpectDefinition? baseline = null)
    {
        if (map is null)
        {
            return baseline;
        }

        RecoveryExpectation? recovery = null;
        var r = map.Map("recovery");
        if (r is not null)
        {
            var servedBy = r.String("servedBy", required: true);
            var within = r.Duration("within", required: true);
            var stableFor = r.Duration("stableFor", required: true);
            r.Done();
            recovery = servedBy is null || within is null || stableFor is null ? null : new RecoveryExpectation(servedBy, within.Value, stableFor.Value);
        }

        Dictionary<string, ShareExpectation>? shares = baseline is null ? new(StringComparer.Ordinal) : null;
        var s = map.Map("share");
        if (s is not null)
        {
            shares = new Dictionary<string, ShareExpectation>(StringComparer.Ordinal);
            foreach (var (k, v) in s.Node.Children)
            {
                var cls = ((YamlScalarNode)k).Value ?? string.Empty;
                s.Get(cls);
                var share = Share(ctx, MapReader.Of(ctx, v, s.Sub(cls)));
                if (share is not null)
                {
                    shares[cls] = share;
                }
            }

            s.Done();
        }

        var minSamples = map.Int("minSamples", min: 0);
        var maxErrorRatio = map.Number("maxErrorRatio", min: 0, max: 1);
        var confidence = map.Number("confidence", min: 0.5, max: 0.999999);
        var beforeFault = BeforeFault(map.Map("beforeFault"));
        map.Done();
        if (baseline is null)
        {
            return new ExpectDefinition(recovery, shares!, minSamples ?? 0, maxErrorRatio) { Confidence = confidence ?? ExpectDefinition.DefaultConfidence, BeforeFault = beforeFault };
        }

        return new ExpectDefinition(recovery ?? baseline.Recovery, shares ?? baseline.Share, minSamples ?? baseline.MinSamples, maxErrorRatio ?? baseline.MaxErrorRatio)
        {
            Confidence = confidence ?? baseline.Confidence,
            BeforeFault = beforeFault ?? baseline.BeforeFault,
        };
    }

    private static BeforeFaultExpectation? BeforeFault(MapReader? map)
    {
        if (map is null)
        {
            return null;
        }

        var servedBy = map.String("servedBy", required: true);
        var atLeast = map.Number("atLeast", required: true, min: 0, max: 1);
        var minSamples = map.Int("minSamples", min: 1) ?? 50;
        map.Done();
        return servedBy is null || atLeast is null ? null : new BeforeFaultExpectation(servedBy, atLeast.Value, minSamples);
    }

    private static ShareExpectation? Share(YamlContext ctx, MapReader? map)
    {
        if (map is null)
        {
            return null;
        }

        var atLeast = map.Number("atLeast", min: 0, max: 1);
        var atMost = map.Number("atMost", min: 0, max: 1);
        var between = map.Get("between");
        map.Done();
        if (between is not null)
        {
            if (between is not YamlSequenceNode { Children.Count: 2 } seq || !TryRatio(ctx, seq[0], out var lo) || !TryRatio(ctx, seq[1], out var hi) || lo > hi)
            {
                ctx.Problem(between, $"{map.Sub("between")}: expected [low, high] with 0 <= low <= high <= 1");
                return null;
            }

            return new ShareExpectation(lo, hi);
        }

        if (atLeast is null && atMost is null)
        {
            ctx.Problem(map.Location, $"{map.Path}: give 'atLeast', 'atMost' or 'between: [low, high]'");
            return null;
        }

        return new ShareExpectation(atLeast, atMost);
    }

    private static bool TryRatio(YamlContext ctx, YamlNode node, out double value)
    {
        value = 0;
        var text = node is YamlScalarNode ? ctx.Scalar(node, "between") : null;
        return text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value is >= 0 and <= 1;
    }
}
