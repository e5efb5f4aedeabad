using DrillBot.Drills.Analysis;
using DrillBot.Drills.Probing;
using DrillBot.Drills.Running;

namespace DrillBot.Drills.Tests.Running;

public sealed class SampleLogTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 6, 3, 0, 0, TimeSpan.Zero);

    private static ProbeSample S(long seq, double ms) =>
        new(seq, T0.AddMilliseconds(seq * 10), T0.AddMilliseconds(ms), TimeSpan.FromMilliseconds(1), 200, null, "cn-hangzhou", true, false);

    [Test]
    public void Complete_AnswersOutOfOrder_OnlyUpToTheFirstStillInFlightInSendOrder()
    {
        var log = new SampleLog();
        log.Add(S(0, 0));
        log.Add(S(2, 20)); // 1 is still in flight
        log.Add(S(3, 30));

        Assert.That(log.Complete(sent: 4).Select(s => s.Sequence), Is.EqualTo(new long[] { 0 }));
        Assert.That(log.All().Select(s => s.Sequence), Is.EqualTo(new long[] { 0, 2, 3 }), "All has the ones ahead too, by send time");
        Assert.That(log.Count, Is.EqualTo(3));

        log.Add(S(1, 10));

        Assert.That(log.Complete(sent: 4).Select(s => s.Sequence), Is.EqualTo(new long[] { 0, 1, 2, 3 }));
    }

    [Test]
    public void Complete_ViewTakenEarlier_DoesNotChangeWhenMoreArrive()
    {
        var log = new SampleLog();
        for (var i = 0; i < 5000; i++)
        {
            log.Add(S(i, i * 10));
        }

        var view = log.Complete(sent: 5000);
        for (var i = 5000; i < 20000; i++)
        {
            log.Add(S(i, i * 10)); // grows past several 4,096-sample chunks
        }

        Assert.That(view, Has.Count.EqualTo(5000));
        Assert.That(view.Select(s => s.Sequence), Is.EqualTo(Enumerable.Range(0, 5000).Select(i => (long)i)));
        Assert.That(log.All(), Has.Count.EqualTo(20000));
        Assert.That(log.All()[19999].Sequence, Is.EqualTo(19999));
    }

    [Test]
    public void All_WallClockSteppedBack_FallsBackToSortingBySendTime()
    {
        var log = new SampleLog();
        log.Add(S(0, 100));
        log.Add(S(1, 110));
        log.Add(S(2, 50)); // the wall clock went back 60 ms between two sends

        Assert.That(log.All().Select(s => s.Sequence), Is.EqualTo(new long[] { 2, 0, 1 }));
        Assert.That(log.Complete(sent: 3).Select(s => s.Sequence), Is.EqualTo(new long[] { 2, 0, 1 }));
        Assert.That(log.Count, Is.EqualTo(3));
    }

    [Test]
    public void All_SameSequenceTwice_KeepsBothSorted()
    {
        var log = new SampleLog();
        log.Add(S(0, 0));
        log.Add(S(1, 10));
        log.Add(S(1, 5)); // two probers' streams in one log

        Assert.That(log.All().Select(s => s.SentAt), Is.Ordered);
        Assert.That(log.Count, Is.EqualTo(3));
    }

    [Test]
    public void SampleWindows_SortedInput_ReturnedWithoutACopy_UnsortedSorted()
    {
        IReadOnlyList<ProbeSample> ordered = [S(0, 0), S(1, 10), S(2, 20)];
        IReadOnlyList<ProbeSample> unordered = [S(1, 10), S(0, 0), S(2, 20)];

        Assert.That(SampleWindows.Sorted(ordered), Is.SameAs(ordered));
        Assert.That(SampleWindows.Sorted(unordered).Select(s => s.Sequence), Is.EqualTo(new long[] { 0, 1, 2 }));
    }

    [Test]
    public void SampleWindows_Between_SameAsFilteringEverySample()
    {
        var sorted = Enumerable.Range(0, 200).Select(i => S(i, i * 7.5)).ToList();
        foreach (var (from, to) in new (double, double?)[] { (0, 10), (3, 3), (-5, 40), (740, null), (2000, null), (100, 99) })
        {
            var expected = sorted.Where(s => s.SentAt >= T0.AddMilliseconds(from) && (to is null || s.SentAt <= T0.AddMilliseconds(to.Value))).ToList();

            var actual = SampleWindows.Between(sorted, T0.AddMilliseconds(from), to is null ? null : T0.AddMilliseconds(to.Value)).ToList();

            Assert.That(actual, Is.EqualTo(expected), $"[{from}, {to}]");
        }
    }
}
