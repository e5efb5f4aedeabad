namespace DrillBot.Store.Aborts;

/// <summary>
/// Abort requests for runs, so that an abort works from any replica: the replica that receives the
/// request records it here, and the replica running the drill polls for requests about its own runs.
/// </summary>
public interface IAbortRequestStore
{
    /// <summary>Records the request. False (nothing changed) when the run has an abort request already.</summary>
    Task<bool> RequestAsync(string runId, string requestedBy, CancellationToken cancellationToken);

    /// <summary>The requests among <paramref name="runIds"/> (empty list: none asked).</summary>
    Task<IReadOnlyList<AbortRequest>> FindAsync(IReadOnlyCollection<string> runIds, CancellationToken cancellationToken);
}
