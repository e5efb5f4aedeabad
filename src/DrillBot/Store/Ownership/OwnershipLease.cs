namespace DrillBot.Store.Ownership;

/// <summary>Who holds a named lease and until when.</summary>
public sealed record OwnershipLease(string Name, string Owner, DateTimeOffset AcquiredAt, DateTimeOffset ExpiresAt);
