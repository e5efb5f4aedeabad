using DrillBot.Lab.Mesh;

namespace DrillBot.Lab.State;

/// <summary>The mesh-wide config and the DestinationRule traffic policies of the hops the Lab balances.</summary>
internal sealed partial class LabWorld
{
    /// <summary>The mesh-wide <c>localityLbSetting</c> (ConfigMap istio/istio-system of the mesh context).</summary>
    public LocalityLbSpec? MeshLocality { get; private set; }

    /// <summary>productpage's DestinationRule: how the ingress gateway picks productpage.</summary>
    public HostTrafficPolicy ProductpageTraffic { get; private set; } = HostTrafficPolicy.None;

    /// <summary>reviews' DestinationRule as a load-balancing policy (connection pool included).</summary>
    public HostTrafficPolicy ReviewsTraffic { get; private set; } = HostTrafficPolicy.None;

    /// <summary>Under <see cref="Gate"/>: re-reads the mesh config and the hops' DestinationRules.</summary>
    private void RefreshLocality(DateTimeOffset now, bool record)
    {
        ProductpageTraffic = HostTrafficPolicy.Read(MeshContext.Store, Namespace, "productpage");
        ReviewsTraffic = HostTrafficPolicy.Read(MeshContext.Store, Namespace, "reviews");
        var (setting, error) = MeshConfigMap.Read(MeshContext.Store);
        if (error is not null)
        {
            // istiod logs an invalid mesh config and keeps serving the previous one.
            if (record)
            {
                Record(now, LabEventKinds.PolicyChanged, MeshContext, $"ConfigMap/{MeshConfigMap.Namespace}/{MeshConfigMap.Name}",
                    $"mesh config not applied, previous settings kept: {error}");
            }

            return;
        }

        MeshLocality = setting;
    }

    /// <summary>The timeline detail of a mesh config change.</summary>
    public string DescribeMeshConfig(string what)
    {
        var l = MeshLocality;
        var locality = l switch
        {
            null => "none",
            { Enabled: false } => "disabled",
            { Distribute.Count: > 0 } => "distribute",
            { Failover.Count: > 0 } => "failover(" + string.Join(",", l.Failover.Select(f => $"{f.From}->{f.To}")) + ")",
            _ => "enabled",
        };
        var note = l?.IgnoredFailoverPriority == true ? "; failoverPriority is not modelled by the Lab (ignored)" : "";
        return $"{what}: mesh localityLbSetting={locality}{note}";
    }
}
