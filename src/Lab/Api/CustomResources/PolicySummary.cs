using DrillBot.Lab.Mesh;
using DrillBot.Lab.State;

namespace DrillBot.Lab.Api;

/// <summary>A one-line description of a mesh policy change for the timeline.</summary>
internal static class PolicySummary
{
    public static string Describe(LabWorld world, string kind, string ns, string name, string what)
    {
        var stored = world.MeshContext.Store.Get(kind, ns, name);
        if (stored is null || !(kind is IstioKinds.DestinationRule or IstioKinds.VirtualService or IstioKinds.EnvoyFilter)
            || (kind == IstioKinds.DestinationRule && !PolicyParser.IsReviewsHost(stored["spec"]?["host"], ns)))
        {
            return what;
        }

        var policy = PolicyParser.Parse(world.MeshContext.Store, ns);
        var locality = policy.LocalityLb switch
        {
            null => "default",
            { Enabled: false } => "disabled",
            { Distribute.Count: > 0 } => "distribute",
            { Failover.Count: > 0 } l => "failover(" + string.Join(",", l.Failover.Select(f => $"{f.From}->{f.To}")) + ")",
            _ => "enabled",
        };
        var outlier = policy.Outlier is null ? "off" : $"consecutive5xxErrors={policy.Outlier.Consecutive5xxErrors}";
        var fault = policy.Route?.Fault is { } f ? $"caller-side(abort={f.AbortStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"})" : "none";
        return $"{what}: reviews outlierDetection={outlier} localityLb={locality} routeFault={fault} serverFaults={policy.ServerFaults.Count}";
    }
}
