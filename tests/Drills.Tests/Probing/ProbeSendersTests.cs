using System.Collections.Concurrent;
using DrillBot.Drills.Probing;

namespace DrillBot.Drills.Tests.Probing;

public sealed class ProbeSendersTests
{
    private static ProbeJob Job(long n) => new(n, default, default, 0, false);

    [Test]
    public void Post_OneAtATime_TheSameThreadTakesEveryRequest()
    {
        var threads = new ConcurrentBag<int>();
        var done = new SemaphoreSlim(0);
        using var senders = new ProbeSenders(8, _ =>
        {
            threads.Add(Environment.CurrentManagedThreadId);
            done.Release();
        });

        for (var i = 0; i < 20; i++)
        {
            senders.Post(Job(i));
            Assert.That(done.Wait(TimeSpan.FromSeconds(10)), Is.True);
            senders.WaitIdle(); // back on the idle stack before the next one
        }

        Assert.That(threads, Has.Count.EqualTo(20));
        Assert.That(threads.Distinct().Count(), Is.EqualTo(1), "a request goes to the thread that became idle last");
        Assert.That(Thread.CurrentThread.ManagedThreadId, Is.Not.AnyOf(threads.ToArray()), "never the caller's thread");
    }

    [Test]
    public void Post_AllBusy_StartsMoreThreadsUpToTheLimitThenQueues()
    {
        using var release = new ManualResetEventSlim(false);
        var running = new ConcurrentDictionary<int, int>();
        var seen = new ConcurrentBag<long>();
        var started = new SemaphoreSlim(0);
        using var senders = new ProbeSenders(3, job =>
        {
            running.AddOrUpdate(Environment.CurrentManagedThreadId, 1, (_, n) => n + 1);
            started.Release();
            release.Wait();
            seen.Add(job.Sequence);
        });

        for (var i = 0; i < 7; i++)
        {
            senders.Post(Job(i));
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.That(started.Wait(TimeSpan.FromSeconds(10)), Is.True);
        }

        Assert.That(started.Wait(TimeSpan.FromMilliseconds(200)), Is.False, "three threads at most: the other four wait");
        release.Set();
        senders.WaitIdle();

        Assert.That(seen.Order(), Is.EqualTo(Enumerable.Range(0, 7).Select(i => (long)i)), "every request sent once");
        Assert.That(running.Keys, Has.Count.EqualTo(3));
    }

    [Test]
    public void Dispose_AfterWaitIdle_ThreadsEnd()
    {
        Thread? worker = null;
        var senders = new ProbeSenders(2, _ => worker = Thread.CurrentThread);
        senders.Post(Job(0));
        senders.WaitIdle();

        senders.Dispose();

        Assert.That(worker, Is.Not.Null);
        Assert.That(worker!.Join(TimeSpan.FromSeconds(10)), Is.True, "the idle sender ends when the prober is done");
        Assert.That(() => senders.Post(Job(1)), Throws.InstanceOf<ObjectDisposedException>());
    }
}
