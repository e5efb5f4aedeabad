using DrillBot.Drills.Journal;
using DrillBot.Store;

namespace DrillBot.Tests.Store.Journal;

[TestFixture(StoreEngine.Sqlite)]
[TestFixture(StoreEngine.Postgres)]
public sealed class StoreJournalTests(StoreEngine engine) : StoreTestBase(engine)
{
    private static readonly ObjectRef Reviews = new("hangzhou", ObjectKind.Deployment, "default", "reviews-v1");
    private static readonly ObjectRef Rule = new("mesh", ObjectKind.DestinationRule, "default", "reviews");

    private static JournalEntry Entry(string run, int sequence, ObjectRef target, string? prior = """{"spec":{"replicas":1}}""") =>
        new(run, sequence, target, $"step-{sequence}", prior, """{"spec":{"replicas":0}}""", T0.AddSeconds(sequence));

    [Test]
    public async Task RecordAsync_Returned_EntryIsDurableForAnotherStoreAfterTheFirstIsGone()
    {
        await Store.Journal.BeginRunAsync(new JournalRun("r1", "reviews-failover", "bot-a", T0), CancellationToken.None);
        await Store.Journal.RecordAsync(Entry("r1", 1, Reviews), CancellationToken.None);
        await Store.DisposeAsync(); // the process "dies" right after the write-ahead record, before any mutation is acknowledged

        var recovering = await OpenAnotherStoreAsync();
        var unfinished = await recovering.Journal.GetUnfinishedRunsAsync(CancellationToken.None);

        Assert.That(unfinished, Has.Count.EqualTo(1));
        Assert.That(unfinished[0].Run, Is.EqualTo(new JournalRun("r1", "reviews-failover", "bot-a", T0)));
        Assert.That(unfinished[0].Entries, Is.EqualTo(new[] { new JournalRecord(Entry("r1", 1, Reviews), JournalEntryState.Recorded, null, null) }));
    }

    [Test]
    public async Task GetUnfinishedRunsAsync_EntriesInAnyOrder_ReturnedInSequenceOrderWithTheirStates()
    {
        await Store.Journal.BeginRunAsync(new JournalRun("r1", "d", "bot-a", T0), CancellationToken.None);
        await Store.Journal.RecordAsync(Entry("r1", 2, Rule, prior: null), CancellationToken.None);
        await Store.Journal.RecordAsync(Entry("r1", 1, Reviews), CancellationToken.None);
        await Store.Journal.RecordAsync(Entry("r1", 3, Reviews), CancellationToken.None);
        await Store.Journal.MarkAppliedAsync("r1", 1, """{"applied":1}""", CancellationToken.None);
        await Store.Journal.MarkAppliedAsync("r1", 2, null, CancellationToken.None);
        await Store.Journal.MarkRestoredAsync("r1", 2, ok: false, "409 conflict", CancellationToken.None);
        await Store.Journal.MarkRestoredAsync("r1", 1, ok: true, null, CancellationToken.None);

        var entries = (await Store.Journal.GetUnfinishedRunsAsync(CancellationToken.None)).Single().Entries;

        Assert.That(entries.Select(e => (e.Entry.Sequence, e.State, e.AppliedJson, e.Detail)), Is.EqualTo(new[]
        {
            (1, JournalEntryState.Restored, (string?)"""{"applied":1}""", (string?)null),
            (2, JournalEntryState.RestoreFailed, null, "409 conflict"),
            (3, JournalEntryState.Recorded, null, null),
        }));
        Assert.That(entries[1].Entry, Is.EqualTo(Entry("r1", 2, Rule, prior: null)), "a null prior (object created by the step) round-trips");
    }

    [Test]
    public async Task GetUnfinishedRunsAsync_SeveralRuns_OldestFirstAndCompletedOnesLeftOut()
    {
        await Store.Journal.BeginRunAsync(new JournalRun("late", "d", "bot-b", T0.AddMinutes(5)), CancellationToken.None);
        await Store.Journal.BeginRunAsync(new JournalRun("early", "d", "bot-a", T0), CancellationToken.None);
        await Store.Journal.BeginRunAsync(new JournalRun("done", "d", "bot-a", T0.AddMinutes(1)), CancellationToken.None);
        await Store.Journal.RecordAsync(Entry("done", 1, Reviews), CancellationToken.None);
        await Store.Journal.RecordAsync(Entry("late", 1, Rule), CancellationToken.None);

        await Store.Journal.CompleteRunAsync("done", "restored", CancellationToken.None);
        var unfinished = await Store.Journal.GetUnfinishedRunsAsync(CancellationToken.None);

        Assert.That(unfinished.Select(u => (u.Run.RunId, u.Entries.Count)), Is.EqualTo(new[] { ("early", 0), ("late", 1) }));
    }

    [Test]
    public async Task RecordAsync_SameEntryAgain_IsAcceptedOnceButDifferentContentIsRefused()
    {
        await Store.Journal.BeginRunAsync(new JournalRun("r1", "d", "bot-a", T0), CancellationToken.None);
        await Store.Journal.RecordAsync(Entry("r1", 1, Reviews), CancellationToken.None);

        await Store.Journal.RecordAsync(Entry("r1", 1, Reviews), CancellationToken.None);
        var conflicting = Entry("r1", 1, Reviews) with { ChangeJson = """{"spec":{"replicas":5}}""" };

        Assert.ThrowsAsync<InvalidOperationException>(() => Store.Journal.RecordAsync(conflicting, CancellationToken.None));
        var entries = (await Store.Journal.GetUnfinishedRunsAsync(CancellationToken.None)).Single().Entries;
        Assert.That(entries.Select(e => e.Entry), Is.EqualTo(new[] { Entry("r1", 1, Reviews) }));
    }

    [Test]
    public void RecordAndMark_WithoutBegunRunOrEntry_ThrowBrokenInvariant()
    {
        Assert.ThrowsAsync<InvalidOperationException>(() => Store.Journal.RecordAsync(Entry("ghost", 1, Reviews), CancellationToken.None));
        Assert.ThrowsAsync<InvalidOperationException>(() => Store.Journal.MarkAppliedAsync("ghost", 1, null, CancellationToken.None));
        Assert.ThrowsAsync<InvalidOperationException>(() => Store.Journal.CompleteRunAsync("ghost", "restored", CancellationToken.None));
    }
}
