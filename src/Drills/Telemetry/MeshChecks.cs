using System.Globalization;
using DrillBot.Drills.Analysis;

namespace DrillBot.Drills.Telemetry;

/// <summary>
/// The mesh's checks (docs/drills-yaml.md#mesh-and-budget): <c>mesh.share.WINDOW</c> (the drill's expectation for that window
/// applied to the mesh's responses of every source), <c>mesh.agreement.WINDOW</c> (probe and mesh within agreeWithin per
/// class) and <c>mesh.userErrors</c> (5xx to users at the ingress, within the budget's cap when there is one).
/// </summary>
internal static class MeshChecks
{
    public static CheckResult Share(WindowComparison w, string service)
    {
        var name = $"mesh.share.{w.Window.Name}";
        var expectation = w.Window.Expectation;
        var expected = expectation.Count == 0
            ? $"{service} responses by destination_cluster in the probe's {w.Window.Name} window ({Seconds(w.Window.Length)})"
            : string.Join("; ", expectation.Select(e => $"{e.Class} {Bounds(e.AtLeast, e.AtMost)} of {service} responses"));
        if (w.MeshTotal == 0)
        {
            return Skipped(name, expected, $"no {service} responses in the mesh's metrics for this window ({Seconds(w.Window.Length)})");
        }

        var shares = w.MeshShares;
        var passed = expectation.All(e => shares.GetValueOrDefault(e.Class) is var s && (e.AtLeast is not { } lo || s >= lo - 1e-9) && (e.AtMost is not { } hi || s <= hi + 1e-9));
        var actual = $"{string.Join(", ", shares.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {Ratio(kv.Value)}"))} of {Int(w.MeshTotal)}"
            + $" ({string.Join("; ", w.Sources.Select(s => $"{s.Workload}@{s.Cluster}: {string.Join(", ", s.ByDestinationCluster.Select(d => $"{d.Key} {Int(d.Value)}"))}"))})";
        return new CheckResult(name, expected, actual, passed);
    }

    public static CheckResult Agreement(WindowComparison w, double margin)
    {
        var name = $"mesh.agreement.{w.Window.Name}";
        var expected = $"probe and mesh shares within {Ratio(margin)} of each other for each class (beyond their {Format.Percent(w.Confidence)} intervals)";
        if (w.ProbeTotal == 0)
        {
            return Skipped(name, expected, "no ok probe samples of a mapped class in this window");
        }

        if (w.MeshTotal == 0)
        {
            return Skipped(name, expected, $"no responses in the mesh's metrics for this window ({Seconds(w.Window.Length)})");
        }

        var deltas = w.Deltas();
        var actual = string.Join("; ", deltas.Select(d =>
            $"{d.Class}: probe {Ratio(d.Probe)} [{Format.Bound(Format.Down(d.ProbeInterval.Low))}, {Format.Bound(Format.Up(d.ProbeInterval.High))}] of {Int(w.ProbeTotal)}, "
            + $"mesh {Ratio(d.Mesh)} [{Format.Bound(Format.Down(d.MeshInterval.Low))}, {Format.Bound(Format.Up(d.MeshInterval.High))}] of {Int(w.MeshTotal)}, apart {Ratio(d.Gap)}"));
        return new CheckResult(name, expected, actual, deltas.All(d => d.Gap <= margin + 1e-9));
    }

    public static CheckResult UserErrors(UserErrorsReport errors, TelemetryDefinition telemetry, double? allowed)
    {
        var expected = allowed is { } cap
            ? $"<= {Int((long)Math.Floor(cap))} failed user requests (budget)"
            : $"5xx answered to users by {telemetry.IngressNamespace}/{telemetry.IngressWorkload} (reported)";
        var actual = $"{Int(errors.Errors)} of {Int(errors.Requests)} user requests failed"
            + (errors.Ratio is { } r ? $" ({Format.Percent(r)})" : string.Empty)
            + (errors.PeakRatio is { } peak && errors.PeakAt is { } at ? $", peak {Format.Percent(peak)} at {at.UtcDateTime:HH:mm:ss}Z" : string.Empty);
        return new CheckResult("mesh.userErrors", expected, actual, allowed is not { } max || errors.Errors <= max);
    }

    /// <summary>A check that could not be evaluated: skipped, or failed when the drill requires the mesh checks.</summary>
    public static CheckResult Skipped(string name, string expected, string why, bool required = false) =>
        required ? new CheckResult(name, expected, $"not evaluated: {why} (mesh.required)", false) : new CheckResult(name, expected, "skipped: " + why, false) { Skipped = true };

    private static string Bounds(double? atLeast, double? atMost) => (atLeast, atMost) switch
    {
        ({ } lo, { } hi) => $"between {Ratio(lo)} and {Ratio(hi)}",
        ({ } lo, null) => $">= {Ratio(lo)}",
        (null, { } hi) => $"<= {Ratio(hi)}",
        _ => "any",
    };

    private static string Ratio(double r) => r.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Int(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan t) => Format.Seconds(t);
}
