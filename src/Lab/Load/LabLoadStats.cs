namespace DrillBot.Lab;

/// <summary>What the background users got so far (ground truth for tests): answers by HTTP status (0 = no answer).</summary>
/// <param name="Sent">Requests sent.</param>
/// <param name="Skipped">Requests not sent because <see cref="LabLoadSpec.MaxInFlight"/> were in flight.</param>
/// <param name="ByStatus">Completed requests by status; 0 counts transport errors.</param>
public sealed record LabLoadStats(long Sent, long Skipped, IReadOnlyDictionary<int, long> ByStatus)
{
    /// <summary>Answers with a 5xx status.</summary>
    public long ServerErrors => ByStatus.Where(kv => kv.Key >= 500).Sum(kv => kv.Value);

    /// <summary>Completed requests (answered or failed).</summary>
    public long Completed => ByStatus.Values.Sum();
}
