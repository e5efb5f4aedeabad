using System.Data.Common;
using DrillBot.Drills.Journal;
using DrillBot.Store.Aborts;
using DrillBot.Store.Approvals;
using DrillBot.Store.Audit;
using DrillBot.Store.Freeze;
using DrillBot.Store.Tokens;
using DrillBot.Store.Data;
using DrillBot.Store.Dedupe;
using DrillBot.Store.Journal;
using DrillBot.Store.MissedFires;
using DrillBot.Store.Outbox;
using DrillBot.Store.Ownership;
using DrillBot.Store.Runs;
using Microsoft.Extensions.Logging;

namespace DrillBot.Store;

/// <summary>The store: one database, the per-concern stores over it.</summary>
internal sealed class DrillBotStore : IDrillBotStore
{
    private readonly StoreDatabase database;
    private readonly ILogger logger;

    public DrillBotStore(StoreDatabase database, int schemaVersion, TimeProvider timeProvider, ILogger logger, byte[]? auditKey = null)
    {
        this.database = database;
        this.logger = logger;
        SchemaVersion = schemaVersion;
        var runs = new RunStore(database, timeProvider);
        var audit = new AuditStore(database, timeProvider, auditKey);
        Runs = runs;
        Audit = audit;
        Freeze = new FreezeStore(database, timeProvider, runs, audit);
        Approvals = new ApprovalStore(database);
        Tokens = new ApiTokenStore(database);
        Journal = new StoreJournal(database, timeProvider);
        Outbox = new OutboxStore(database);
        Dedupe = new DeliveryDedupe(database, timeProvider);
        Leases = new OwnershipLeases(database, timeProvider);
        MissedFires = new MissedFireStore(database, timeProvider);
        Aborts = new AbortRequestStore(database, timeProvider);
    }

    public StoreLocation Location => database.Location;

    public int SchemaVersion { get; }

    public IRunStore Runs { get; }

    public IJournal Journal { get; }

    public IOutboxStore Outbox { get; }

    public IDeliveryDedupe Dedupe { get; }

    public IOwnershipLeases Leases { get; }

    public IMissedFireStore MissedFires { get; }

    public IAbortRequestStore Aborts { get; }

    public IAuditStore Audit { get; }

    public IFreezeStore Freeze { get; }

    public IApprovalStore Approvals { get; }

    public IApiTokenStore Tokens { get; }

    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await database.ReadAsync<string?>(
                async connection =>
                {
                    await using var command = database.Command(connection, null, "SELECT COUNT(*) FROM drillbot_schema_version");
                    await command.ExecuteScalarAsync(cancellationToken);
                    return null;
                },
                cancellationToken);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException or IOException)
        {
            var problem = StoreErrors.Describe(database.Location, "cannot reach", e);
            Log.CheckFailed(logger, database.Location.Display, problem);
            return problem;
        }
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();
}
