using System.Globalization;
using DrillBot.Drills.Definitions.Parsing;

namespace DrillBot.Drills.Telemetry.Parsing;

/// <summary>Reads a drill's <c>mesh:</c> and <c>budget:</c> (docs/drills-yaml.md#mesh-and-budget).</summary>
internal static class MeshParser
{
    public static MeshDefinition? Mesh(MapReader? map)
    {
        if (map is null)
        {
            return null;
        }

        var service = map.String("service");
        var agree = map.Number("agreeWithin", min: 0, max: 1);
        var required = map.Bool("required");
        map.Done();
        return new MeshDefinition { Service = service, AgreeWithin = agree ?? MeshDefinition.DefaultAgreeWithin, Required = required ?? false };
    }

    public static BudgetDefinition? Budget(YamlContext ctx, MapReader? map)
    {
        if (map is null)
        {
            return null;
        }

        var slo = Ratio(ctx, map, "maxUserErrors");
        var window = Window(ctx, map);
        var perRunNode = map.Get("perRun");
        var perRunText = perRunNode is null ? null : ctx.Scalar(perRunNode, map.Sub("perRun"));
        map.Done();
        double? share = null;
        long? errors = null;
        if (perRunText is not null && !ctx.IsUnknown(perRunNode))
        {
            if (perRunText.EndsWith('%') && TryPercent(perRunText, out var p) && p > 0)
            {
                share = p;
            }
            else if (long.TryParse(perRunText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 0)
            {
                errors = n;
            }
            else
            {
                ctx.Problem(perRunNode!, $"{map.Sub("perRun")}: expected a share of the window's error budget (20%) or a number of failed user requests (500), found '{perRunText}'");
            }
        }

        if (share is not null && slo is null)
        {
            ctx.Problem(perRunNode!, $"{map.Sub("perRun")}: a share of the error budget needs 'maxUserErrors' (the SLO whose budget it is); give a number of failed requests instead");
        }

        if (map.Get("maxUserErrors") is null && perRunNode is null)
        {
            ctx.Problem(map.Location, $"{map.Path}: give 'maxUserErrors' (the SLO, with 'window'), 'perRun' (the cap of one run), or both");
        }

        return new BudgetDefinition { MaxUserErrors = slo, Window = window ?? TimeSpan.FromDays(30), PerRunShare = share, PerRunErrors = errors };
    }

    /// <summary>The SLO window: the drills.yaml duration grammar, plus whole days first (<c>30d</c>, <c>7d12h</c>) as SLO windows are written.</summary>
    private static TimeSpan? Window(YamlContext ctx, MapReader map)
    {
        var node = map.Get("window");
        var text = node is null ? null : ctx.Scalar(node, map.Sub("window"));
        if (text is null || ctx.IsUnknown(node))
        {
            return null;
        }

        var d = text.IndexOf('d', StringComparison.Ordinal);
        TimeSpan rest = TimeSpan.Zero;
        if (d > 0 && int.TryParse(text[..d], NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is > 0 and <= 366
            && (d == text.Length - 1 || DurationParser.TryParse(text[(d + 1)..], out rest)))
        {
            return TimeSpan.FromDays(days) + rest;
        }

        if (d < 0 && DurationParser.TryParse(text, out var value) && value > TimeSpan.Zero)
        {
            return value;
        }

        ctx.Problem(node!, $"{map.Sub("window")}: bad duration '{text}' (days first, then the usual units: 30d, 7d12h, 6h, 90m)");
        return null;
    }

    /// <summary>A window as drills.yaml writes it: <c>30d</c>, <c>7d12h</c>, <c>6h</c>.</summary>
    public static string WindowText(TimeSpan window) =>
        window.Days > 0 ? $"{window.Days}d{(window - TimeSpan.FromDays(window.Days) is { Ticks: > 0 } rest ? DurationParser.Format(rest) : string.Empty)}" : DurationParser.Format(window);

    /// <summary>A ratio written 0..1 (<c>0.005</c>) or as a percentage (<c>0.5%</c>).</summary>
    private static double? Ratio(YamlContext ctx, MapReader map, string key)
    {
        var node = map.Get(key);
        var text = node is null ? null : ctx.Scalar(node, map.Sub(key));
        if (text is null || ctx.IsUnknown(node))
        {
            return null;
        }

        if ((text.EndsWith('%') ? TryPercent(text, out var v) : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out v)) && v is > 0 and < 1)
        {
            return v;
        }

        ctx.Problem(node!, $"{map.Sub(key)}: expected a ratio above 0 and below 1 (0.005) or a percentage (0.5%), found '{text}'");
        return null;
    }

    private static bool TryPercent(string text, out double ratio)
    {
        var ok = double.TryParse(text[..^1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) && percent is > 0 and <= 100;
        ratio = percent / 100;
        return ok;
    }
}
