using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DrillBot.Drills.Journal;

namespace DrillBot.Governance.Audit;

/// <summary>
/// The service's journal with an audit event per change: when the API server acknowledged a journaled mutation
/// (<see cref="MarkAppliedAsync"/>) the event <c>change</c> names the object and each field with its value before and
/// after. A change the audit could not record fails the step (nothing is changed without a trace).
/// </summary>
internal sealed class AuditingJournal(IJournal inner, AuditLog audit, string instanceId) : IJournal
{
    private readonly ConcurrentDictionary<(string RunId, int Sequence), (JournalEntry Entry, string Drill)> recorded = new();
    private readonly ConcurrentDictionary<string, string> drills = new(StringComparer.Ordinal);

    public Task BeginRunAsync(JournalRun run, CancellationToken cancellationToken)
    {
        drills[run.RunId] = run.Drill;
        return inner.BeginRunAsync(run, cancellationToken);
    }

    public async Task RecordAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        await inner.RecordAsync(entry, cancellationToken);
        recorded[(entry.RunId, entry.Sequence)] = (entry, drills.GetValueOrDefault(entry.RunId) ?? "?");
    }

    public async Task MarkAppliedAsync(string runId, int sequence, string? appliedJson, CancellationToken cancellationToken)
    {
        await inner.MarkAppliedAsync(runId, sequence, appliedJson, cancellationToken);
        if (recorded.TryRemove((runId, sequence), out var item))
        {
            var target = item.Entry.Target;
            var detail = new JsonObject
            {
                ["object"] = ObjectName(target),
                ["cluster"] = target.Cluster,
                ["kind"] = target.Kind.ToString(),
                ["namespace"] = target.Namespace,
                ["name"] = target.Name,
                ["step"] = item.Entry.Step,
                ["sequence"] = sequence,
                ["fields"] = ChangeFields.Of(item.Entry.PriorJson, item.Entry.ChangeJson),
            };
            await audit.RecordAsync(AuditLog.Entry("drillbot", "service:" + instanceId, AuditActions.Change, detail, item.Drill, runId), cancellationToken);
        }
    }

    public Task MarkRestoredAsync(string runId, int sequence, bool ok, string? detail, CancellationToken cancellationToken) =>
        inner.MarkRestoredAsync(runId, sequence, ok, detail, cancellationToken);

    public Task CompleteRunAsync(string runId, string outcome, CancellationToken cancellationToken)
    {
        drills.TryRemove(runId, out _);
        foreach (var key in recorded.Keys.Where(k => k.RunId == runId))
        {
            recorded.TryRemove(key, out _);
        }

        return inner.CompleteRunAsync(runId, outcome, cancellationToken);
    }

    public Task<IReadOnlyList<UnfinishedRun>> GetUnfinishedRunsAsync(CancellationToken cancellationToken) =>
        inner.GetUnfinishedRunsAsync(cancellationToken);

    /// <summary><c>hangzhou Deployment default/reviews-v1</c>.</summary>
    public static string ObjectName(ObjectRef target) => $"{target.Cluster} {target.Kind} {target.Namespace}/{target.Name}";
}
