namespace DrillBot.Store.Audit;

/// <summary>What to read from the audit log: events at or after <see cref="Since"/>, of one drill, at most <see cref="Limit"/> (newest last).</summary>
public sealed record AuditQuery(DateTimeOffset? Since = null, string? Drill = null, int Limit = 100);
