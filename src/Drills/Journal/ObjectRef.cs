namespace DrillBot.Drills.Journal;

/// <summary>The kinds of object a drill may change.</summary>
public enum ObjectKind
{
    /// <summary>apps/v1 Deployment (changed through its scale subresource).</summary>
    Deployment,

    /// <summary>networking.istio.io DestinationRule.</summary>
    DestinationRule,

    /// <summary>networking.istio.io VirtualService.</summary>
    VirtualService,
}

/// <summary>One object in one cluster (cluster = the name under <c>clusters:</c> in drills.yaml).</summary>
public sealed record ObjectRef(string Cluster, ObjectKind Kind, string Namespace, string Name)
{
    /// <inheritdoc />
    public override string ToString() => $"{Cluster}:{Kind}/{Namespace}/{Name}";
}
