namespace DrillBot.Store.Ownership;

/// <summary>
/// The answer to a take attempt: <paramref name="Acquired"/> says whether the caller holds the lease
/// now; <paramref name="Current"/> is the lease as it stands (the caller's, or the holder's, or null
/// when it vanished in between).
/// </summary>
public sealed record LeaseAttempt(bool Acquired, OwnershipLease? Current);
