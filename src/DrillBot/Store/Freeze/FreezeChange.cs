using DrillBot.Store.Runs;

namespace DrillBot.Store.Freeze;

/// <summary>
/// The result of freezing or lifting: the state now, whether this call changed it (false: it was so already), and for
/// a freeze the runs recorded as running at that instant (each gets an abort request in the same transaction).
/// </summary>
public sealed record FreezeChange(FreezeState State, bool Changed, IReadOnlyList<RunSummary> Running);
