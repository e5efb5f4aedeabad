namespace DrillBot.Drills.Locking;

/// <summary>A cluster whose lease a best-effort lock could not take: <see cref="Holder"/> holds it (null: the API call failed, see <see cref="Message"/>).</summary>
internal sealed record SkippedLease(string Cluster, string? Holder, string Message);
