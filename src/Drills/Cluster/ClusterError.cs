namespace DrillBot.Drills.Cluster;

/// <summary>Why a cluster call did not succeed.</summary>
public enum ClusterErrorKind
{
    /// <summary>404: the object (or its API) does not exist.</summary>
    NotFound,

    /// <summary>401/403: the credentials may not do this.</summary>
    Forbidden,

    /// <summary>409: someone else changed the object; re-read and retry.</summary>
    Conflict,

    /// <summary>400/422: the API server refused the request.</summary>
    Invalid,

    /// <summary>429/5xx/connection errors that outlasted the retries.</summary>
    Unavailable,
}

/// <summary>A failed cluster call, with a message naming cluster, verb and object.</summary>
public sealed record ClusterError(ClusterErrorKind Kind, int? Status, string Message);
