using System.Text.Json.Nodes;
using DrillBot.Logging;
using DrillBot.Runs;
using DrillBot.Store;
using DrillBot.Store.Audit;
using Microsoft.Extensions.Logging;

namespace DrillBot.Governance.Audit;

/// <summary>
/// Writes audit events (<see cref="AuditActions"/>) to the store. <see cref="RecordAsync"/> lets a store failure through
/// (the caller's action fails with it); <see cref="TryRecordAsync"/>, for what already happened (a restore, a verdict),
/// retries briefly and then logs the event it could not record, so the log keeps what the table missed.
/// </summary>
internal sealed class AuditLog(IDrillBotStore store, TimeProvider time, ILogger<AuditLog> logger)
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)];

    public Task<AuditRecord> RecordAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        store.Audit.AppendAsync(entry, cancellationToken);

    public async Task TryRecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await store.Audit.AppendAsync(entry, cancellationToken);
                return;
            }
            catch (Exception e) when (StoreFailure.Is(e) && attempt < Backoff.Length)
            {
                await Task.Delay(Backoff[attempt], time, cancellationToken);
            }
            catch (Exception e) when (StoreFailure.Is(e))
            {
                ServiceLog.AuditLost(logger, e, entry.Action, entry.Actor, entry.Source, entry.DetailJson);
                return;
            }
        }
    }

    /// <summary>An entry with its details as a JSON object (null values kept, so every event of an action has the same fields).</summary>
    public static AuditEntry Entry(string actor, string source, string action, JsonObject detail, string? drill = null, string? runId = null, string? approvalId = null) =>
        new(actor, source, action, detail.ToJsonString()) { Drill = drill, RunId = runId, ApprovalId = approvalId };
}
