namespace DrillBot.Store.Audit;

/// <summary>A stored audit event: its place in the chain (<see cref="Seq"/>), when it was appended, and the hashes linking it.</summary>
public sealed record AuditRecord(long Seq, DateTimeOffset At, AuditEntry Entry, string PrevHash, string Hash);
