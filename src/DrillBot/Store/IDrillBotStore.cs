using DrillBot.Drills.Journal;
using DrillBot.Store.Aborts;
using DrillBot.Store.Approvals;
using DrillBot.Store.Audit;
using DrillBot.Store.Freeze;
using DrillBot.Store.Tokens;
using DrillBot.Store.Dedupe;
using DrillBot.Store.MissedFires;
using DrillBot.Store.Ownership;
using DrillBot.Store.Runs;

namespace DrillBot.Store;

/// <summary>
/// DrillBot's durable state, on SQLite or PostgreSQL, migrated and ready. Open one per process with
/// <see cref="StoreFactory.OpenAsync"/>; every member is safe to use from many threads.
/// </summary>
public interface IDrillBotStore : IAsyncDisposable
{
    /// <summary>Where the store lives (print <see cref="StoreLocation.Display"/>, never the connection string).</summary>
    StoreLocation Location { get; }

    /// <summary>The schema version in force after migration.</summary>
    int SchemaVersion { get; }

    /// <summary>Run history and reports.</summary>
    IRunStore Runs { get; }

    /// <summary>The write-ahead restore journal.</summary>
    IJournal Journal { get; }

    /// <summary>Messages to Slack, delivered once.</summary>
    IOutboxStore Outbox { get; }

    /// <summary>Deliveries already seen (Slack retries, redelivered envelopes).</summary>
    IDeliveryDedupe Dedupe { get; }

    /// <summary>Single-owner work among replicas.</summary>
    IOwnershipLeases Leases { get; }

    /// <summary>Schedule fires that did not run.</summary>
    IMissedFireStore MissedFires { get; }

    /// <summary>Abort requests, so that any replica can abort a run another one is running.</summary>
    IAbortRequestStore Aborts { get; }

    /// <summary>The append-only, hash-chained audit log.</summary>
    IAuditStore Audit { get; }

    /// <summary>The global freeze.</summary>
    IFreezeStore Freeze { get; }

    /// <summary>Approval requests and decisions.</summary>
    IApprovalStore Approvals { get; }

    /// <summary>Named API tokens (hashed).</summary>
    IApiTokenStore Tokens { get; }

    /// <summary>Null when the database answers; otherwise a one-line reason without secrets (for <c>/readyz</c>).</summary>
    Task<string?> CheckAsync(CancellationToken cancellationToken);
}
