using DrillBot.Drills.Journal;
using DrillBot.Drills.Restore;

namespace DrillBot.Drills.Tests.Restore;

public sealed class FileJournalTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("journal-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static readonly DateTimeOffset At = new(2026, 1, 6, 3, 0, 0, TimeSpan.Zero);

    private static JournalEntry Entry(int seq) =>
        new("r1", seq, new ObjectRef("hangzhou", ObjectKind.Deployment, "default", "reviews-v1"), "scale", "{\"spec\":{\"replicas\":1}}", "{\"spec\":{\"replicas\":0}}", At);

    [Test]
    public async Task GetUnfinishedRuns_RunWithoutComplete_ReturnsEntriesWithStates()
    {
        var journal = new FileJournal(_dir);
        await journal.BeginRunAsync(new JournalRun("r1", "reviews-failover", "host/1", At), CancellationToken.None);
        await journal.RecordAsync(Entry(1), CancellationToken.None);
        await journal.MarkAppliedAsync("r1", 1, "{\"applied\":true}", CancellationToken.None);
        await journal.RecordAsync(Entry(2), CancellationToken.None);
        await journal.MarkRestoredAsync("r1", 2, false, "403", CancellationToken.None);

        var runs = await new FileJournal(_dir).GetUnfinishedRunsAsync(CancellationToken.None);

        var run = runs.Single();
        Assert.That(run.Run, Is.EqualTo(new JournalRun("r1", "reviews-failover", "host/1", At)));
        Assert.That(run.Entries.Select(e => (e.Entry.Sequence, e.State, e.AppliedJson, e.Detail)), Is.EqualTo(new[]
        {
            (1, JournalEntryState.Applied, (string?)"{\"applied\":true}", (string?)null),
            (2, JournalEntryState.RestoreFailed, null, "403"),
        }));
        Assert.That(run.Entries[0].Entry, Is.EqualTo(Entry(1)));
    }

    [Test]
    public async Task GetUnfinishedRuns_CompletedRun_NotReturned()
    {
        var journal = new FileJournal(_dir);
        await journal.BeginRunAsync(new JournalRun("r1", "d", "o", At), CancellationToken.None);
        await journal.RecordAsync(Entry(1), CancellationToken.None);
        await journal.CompleteRunAsync("r1", "passed", CancellationToken.None);

        Assert.That(await journal.GetUnfinishedRunsAsync(CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task GetUnfinishedRuns_TornLastLine_IgnoresItKeepsTheRest()
    {
        var journal = new FileJournal(_dir);
        await journal.BeginRunAsync(new JournalRun("r1", "d", "o", At), CancellationToken.None);
        await journal.RecordAsync(Entry(1), CancellationToken.None);
        await File.AppendAllTextAsync(Path.Combine(_dir, "r1.jsonl"), "{\"t\":\"applied\",\"se");

        var run = (await journal.GetUnfinishedRunsAsync(CancellationToken.None)).Single();

        Assert.That(run.Entries.Single().State, Is.EqualTo(JournalEntryState.Recorded));
    }

    [Test]
    public void Record_RunIdWithPathSeparator_Refused()
    {
        var journal = new FileJournal(_dir);

        Assert.That(() => journal.BeginRunAsync(new JournalRun("../x", "d", "o", At), CancellationToken.None), Throws.ArgumentException);
    }
}
