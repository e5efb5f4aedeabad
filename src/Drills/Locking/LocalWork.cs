using System.Collections.Concurrent;

namespace DrillBot.Drills.Locking;

/// <summary>
/// The runs and restores this process is executing right now, by lease holder, across every engine in the
/// process. A lease whose holder names this process's owner but no work registered here is a leftover of
/// an earlier life of this owner (a restarted service with a stable instance id, a container's pid 1) or of
/// a release that failed: nobody is at work under it.
/// </summary>
internal static class LocalWork
{
    private static readonly ConcurrentDictionary<string, int> Work = new(StringComparer.Ordinal);

    public static IDisposable Register(LeaseHolder holder)
    {
        var key = holder.ToString();
        Work.AddOrUpdate(key, 1, (_, n) => n + 1);
        return new Registration(key);
    }

    public static bool Contains(LeaseHolder holder) => Work.ContainsKey(holder.ToString());

    private sealed class Registration(string key) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            while (Work.TryGetValue(key, out var n))
            {
                if (n <= 1 ? Work.TryRemove(new KeyValuePair<string, int>(key, n)) : Work.TryUpdate(key, n - 1, n))
                {
                    return;
                }
            }
        }
    }
}
