namespace DrillBot.Drills.Cluster;

/// <summary>The outcome of a cluster call: a value, or an error. Cluster calls never throw for API errors.</summary>
public sealed record ClusterResult<T>(T? Value, ClusterError? Error)
{
    public bool Ok => Error is null;

    public static ClusterResult<T> Success(T value) => new(value, null);

    public static ClusterResult<T> Failure(ClusterError error) => new(default, error);

    public ClusterResult<TOther> As<TOther>() => new(default, Error);
}
