namespace DrillBot.Lab.Mesh;

/// <summary>
/// Which <c>localityLbSetting</c> a host gets, as Istio 1.25's <c>loadbalancer.GetLocalityLbSetting</c>
/// decides (pilot/pkg/networking/core/loadbalancer/loadbalancer.go, cited in docs/lab.md): the
/// DestinationRule's own setting replaces the mesh-wide one entirely; without one, a Service with
/// <c>trafficDistribution: PreferClose</c> gets failover priorities that apply even without
/// outlierDetection; otherwise the mesh-wide setting, unless it says <c>enabled: false</c>.
/// </summary>
internal static class EffectiveLocality
{
    /// <summary>PreferClose: priorities network, region, zone, subzone (the Lab's default failover order).</summary>
    private static readonly LocalityLbSpec PreferClose = new(true, [], []);

    public static (LocalityLbSpec? Setting, bool ForceFailover) Resolve(LocalityLbSpec? mesh, LocalityLbSpec? destinationRule, bool preferClose)
    {
        if (destinationRule is not null)
        {
            return destinationRule.Enabled == false ? (null, false) : (destinationRule, false);
        }

        if (preferClose)
        {
            return (PreferClose, true);
        }

        return mesh is { Enabled: false } ? (null, false) : (mesh, false);
    }
}
