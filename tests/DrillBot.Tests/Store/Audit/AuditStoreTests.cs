using System.Data.Common;
using DrillBot.Store;
using DrillBot.Store.Audit;

namespace DrillBot.Tests.Store.Audit;

/// <summary>The hash-chained audit log on both engines: appends chain, the database refuses edits, and a tampered, deleted or cut-off chain is found.</summary>
[TestFixture(StoreEngine.Sqlite)]
[TestFixture(StoreEngine.Postgres)]
public sealed class AuditStoreTests(StoreEngine engine) : StoreTestBase(engine)
{
    [Test]
    public async Task Append_ThreeEvents_ChainedAndVerifiedIntact()
    {
        var records = await AppendAsync(3);
        var listed = await Store.Audit.ListAsync(new AuditQuery(), CancellationToken.None);
        var verification = await Store.Audit.VerifyAsync(CancellationToken.None);

        Assert.That(records.Select(r => r.Seq), Is.EqualTo(new long[] { 1, 2, 3 }));
        Assert.That(records[1].PrevHash, Is.EqualTo(records[0].Hash));
        Assert.That(records[2].PrevHash, Is.EqualTo(records[1].Hash));
        Assert.That(listed, Is.EqualTo(records), "read back exactly as written (times included)");
        Assert.That(verification.Intact, Is.True, string.Join("; ", verification.Problems));
        Assert.That(verification.Checked, Is.EqualTo(3));
    }

    [Test]
    public async Task Append_FromTwoStoresAtOnce_OneUnbrokenChain()
    {
        var other = await OpenAnotherStoreAsync();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? Store : other).Audit.AppendAsync(new AuditEntry("a" + i, "test", "x", "{}"), CancellationToken.None)));

        var verification = await Store.Audit.VerifyAsync(CancellationToken.None);

        Assert.That(verification.Intact, Is.True, string.Join("; ", verification.Problems));
        Assert.That(verification.Checked, Is.EqualTo(20));
    }

    [Test]
    public async Task Database_UpdateOrDelete_RefusedByItsTriggers()
    {
        await AppendAsync(2);

        Assert.ThrowsAsync(Is.InstanceOf<DbException>(), () => RawSql.ScalarAsync(Database.Location, "UPDATE drillbot_audit SET actor = 'mallory' WHERE seq = 1"));
        Assert.ThrowsAsync(Is.InstanceOf<DbException>(), () => RawSql.ScalarAsync(Database.Location, "DELETE FROM drillbot_audit WHERE seq = 2"));
        Assert.That(await RawSql.CountAsync(Database.Location, "drillbot_audit"), Is.EqualTo(2));
    }

    [Test]
    public async Task Verify_RowEditedBehindTheTriggersBack_NamesTheEditedEvent()
    {
        await AppendAsync(3);
        await TamperAsync("UPDATE drillbot_audit SET detail_json = '{\"reason\":\"nothing to see\"}' WHERE seq = 2");

        var verification = await Store.Audit.VerifyAsync(CancellationToken.None);

        Assert.That(verification.Intact, Is.False);
        Assert.That(verification.Problems, Has.Exactly(1).Contains("event 2 (run.requested by user1)").And.Contains("does not match its hash"));
    }

    [Test]
    public async Task Verify_MiddleRowDeleted_Found()
    {
        await AppendAsync(3);
        await TamperAsync("DELETE FROM drillbot_audit WHERE seq = 2");

        var problems = (await Store.Audit.VerifyAsync(CancellationToken.None)).Problems;

        Assert.That(problems, Has.Some.Contains("event 2 missing").And.Some.Contains("event 3: its previous-hash does not match"));
    }

    [Test]
    public async Task Verify_LastRowDeleted_FoundThroughTheChainHead()
    {
        await AppendAsync(3);
        await TamperAsync("DELETE FROM drillbot_audit WHERE seq = 3");

        var problems = (await Store.Audit.VerifyAsync(CancellationToken.None)).Problems;

        Assert.That(problems, Has.Exactly(1).Contains("the chain head records 3 event(s) ending at event 3, but the table holds 2"));
    }

    [Test]
    public async Task Verify_WholeChainRewrittenWithoutTheKey_FoundWhenKeyed()
    {
        var keyed = Track(await StoreFactory.OpenAsync(Database.Location, Time, null, CancellationToken.None, AuditKeys.Of("a-secret-key-0123456789")));
        await keyed.Audit.AppendAsync(new AuditEntry("ann", "slack:U1", "freeze", "{\"reason\":\"x\"}"), CancellationToken.None);
        var unkeyed = await OpenAnotherStoreAsync();

        Assert.That((await keyed.Audit.VerifyAsync(CancellationToken.None)).Intact, Is.True);
        Assert.That((await unkeyed.Audit.VerifyAsync(CancellationToken.None)).Problems, Has.Some.Contains("does not match its hash"), "a chain computed without the key does not match a keyed one");
    }

    private async Task<List<AuditRecord>> AppendAsync(int count)
    {
        var records = new List<AuditRecord>();
        for (var i = 0; i < count; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            records.Add(await Store.Audit.AppendAsync(new AuditEntry("user" + i, "slack:U" + i, i == 1 ? "run.requested" : "freeze", $"{{\"reason\":\"r{i}\"}}") { Drill = "reviews-failover" }, CancellationToken.None));
        }

        return records;
    }

    /// <summary>What someone with write access to the database could do: switch the append-only triggers off, change rows, switch them on.</summary>
    private Task TamperAsync(string sql) => TamperWith(Database.Location, sql);

    internal static async Task TamperWith(StoreLocation location, string sql)
    {
        if (location.Engine == StoreEngine.Postgres)
        {
            await RawSql.ScalarAsync(location, $"ALTER TABLE drillbot_audit DISABLE TRIGGER USER; {sql}; ALTER TABLE drillbot_audit ENABLE TRIGGER USER;");
        }
        else
        {
            await RawSql.ScalarAsync(location, $"DROP TRIGGER drillbot_audit_no_update; DROP TRIGGER drillbot_audit_no_delete; {sql};");
        }
    }
}
