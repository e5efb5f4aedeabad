namespace DrillBot.Store.Aborts;

/// <summary>Someone asked to abort a run (possibly on another replica than the one running it).</summary>
public sealed record AbortRequest(string RunId, string RequestedBy, DateTimeOffset RequestedAt);
