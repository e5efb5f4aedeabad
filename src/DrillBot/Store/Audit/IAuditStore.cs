namespace DrillBot.Store.Audit;

/// <summary>
/// The append-only audit log (<c>drillbot_audit</c>): each event carries the hash of the one before it, so an edited,
/// inserted or deleted event breaks the chain (<see cref="VerifyAsync"/>). The database refuses UPDATE and DELETE on the
/// table (triggers); nothing in DrillBot removes events.
/// </summary>
public interface IAuditStore
{
    /// <summary>Appends an event at the end of the chain (serialized across replicas) and returns it as stored.</summary>
    Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Events matching <paramref name="query"/>, oldest first (the newest <see cref="AuditQuery.Limit"/>).</summary>
    Task<IReadOnlyList<AuditRecord>> ListAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>Recomputes every hash in order and compares with the recorded chain head.</summary>
    Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken);
}
