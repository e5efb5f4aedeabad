namespace DrillBot.Store.Audit;

/// <summary>The result of walking the hash chain: how many events were checked and every break found (empty = intact).</summary>
public sealed record AuditVerification(long Checked, IReadOnlyList<string> Problems)
{
    public bool Intact => Problems.Count == 0;
}
