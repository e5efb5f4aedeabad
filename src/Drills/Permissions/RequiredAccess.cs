using DrillBot.Drills.Cluster;

namespace DrillBot.Drills.Permissions;

/// <summary>One verb a run needs in one cluster, and why.</summary>
public sealed record RequiredAccess(string Cluster, AccessCheck Check, string Why);

/// <summary>
/// A checked <see cref="RequiredAccess"/>: <see cref="Allowed"/> by a SelfSubjectAccessReview (or, for the reads the owner
/// scan made, by the read itself), with the kube context of its cluster for the message.
/// </summary>
public sealed record AccessResult(RequiredAccess Access, string Context, bool Allowed, string? Detail)
{
    /// <summary>One line naming verb, resource, namespace and context (docs/drills-yaml.md#permissions).</summary>
    public string MissingLine() =>
        $"missing permission: cannot {Access.Check.Verb} {Access.Check.Describe()} in namespace {Access.Check.Namespace} (cluster {Access.Cluster}, context {Context}): needed to {Access.Why}";
}

/// <summary>A write sent with dryRun=All, and what the server answered (null error: accepted).</summary>
public sealed record DryRunResult(string Cluster, string Context, Cluster.PlannedWrite Write, string Why, ClusterError? Error)
{
    public bool Ok => Error is null;

    public string FailureLine() => Error?.Kind == ClusterErrorKind.Forbidden
        ? $"missing permission: the dry run of {Write.Describe()} was refused in cluster {Cluster} (context {Context}): {Error.Message}"
        : $"dry run refused: {Write.Describe()} in cluster {Cluster} (context {Context}) to {Why}: {Error?.Message}";
}
