namespace DrillBot.Drills.Definitions;

/// <summary>Something that must hold before a drill starts.</summary>
public abstract record PreconditionDefinition(SourceLocation Location);

/// <summary>A deployment must have at least <paramref name="AtLeast"/> ready replicas.</summary>
public sealed record ReadyReplicasPrecondition(string Cluster, string Namespace, string Deployment, int AtLeast, SourceLocation Location)
    : PreconditionDefinition(Location);
