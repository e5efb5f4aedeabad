namespace DrillBot.Drills.Locking;

/// <summary>A lease taken from another holder that was no longer at work, and why it was judged so.</summary>
internal sealed record TakenOverLease(string Cluster, string PreviousHolder, string Reason);
