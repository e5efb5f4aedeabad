namespace DrillBot.Lab.Mesh;

/// <summary>The reviews clusters (whole host and per subset) as one productpage's sidecar sees them from its locality.</summary>
internal sealed record SourceClusters(UpstreamCluster Default, IReadOnlyDictionary<string, UpstreamCluster> Subsets)
{
    public static SourceClusters None { get; } = new(UpstreamCluster.Empty, new Dictionary<string, UpstreamCluster>(StringComparer.Ordinal));

    public UpstreamCluster? For(string? subset) => subset is null ? Default : Subsets.GetValueOrDefault(subset);
}
