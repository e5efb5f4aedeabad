namespace DrillBot.Drills.Probing;

/// <summary>
/// The prober's sender threads: each takes one request at a time, sends it and waits for its answer blocking (the
/// kernel wakes the thread when the answer arrives), classifies it and hands the sample on. A request goes to the
/// thread that became idle last (LIFO: usually the same, warm thread); a new thread starts only when every existing
/// one is busy (slow answers overlap), at most <c>maxThreads</c>, beyond which requests queue. A thread idle for
/// <see cref="IdleExit"/> ends, except the last. Waiting is Monitor.Wait/Pulse on the thread's own object: no
/// spinning, no thread pool, no lost or shared wake-ups.
/// </summary>
internal sealed class ProbeSenders(int maxThreads, Action<ProbeJob> send) : IDisposable
{
    private static readonly TimeSpan IdleExit = TimeSpan.FromSeconds(5);
    private readonly Action<ProbeJob> _send = send;
    private readonly object _gate = new(); // Monitor.Wait/Pulse need a Monitor, not a System.Threading.Lock
    private readonly Queue<ProbeJob> _backlog = new();
    private readonly Stack<Sender> _idle = new();
    private int _threads;
    private int _busy;
    private bool _closed;

    public void Post(ProbeJob job)
    {
        Sender? start = null;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            _busy++;
            if (_idle.TryPop(out var sender))
            {
                sender.Give(job);
                return;
            }

            if (_threads < maxThreads)
            {
                _threads++;
                start = new Sender(this, job);
            }
            else
            {
                _backlog.Enqueue(job);
            }
        }

        start?.Start();
    }

    /// <summary>Blocks until nothing is queued or being sent.</summary>
    public void WaitIdle()
    {
        lock (_gate)
        {
            while (_busy > 0)
            {
                Monitor.Wait(_gate);
            }
        }
    }

    /// <summary>Ends every idle thread; busy ones end after their request. Call after <see cref="WaitIdle"/>.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _closed = true;
            while (_idle.TryPop(out var sender))
            {
                sender.Give(null);
            }
        }
    }

    /// <summary>After a request: the next queued one; else the sender parks as idle (false) or, once closed, ends (true).</summary>
    private (ProbeJob? Next, bool End) Done(Sender sender)
    {
        lock (_gate)
        {
            if (--_busy == 0)
            {
                Monitor.PulseAll(_gate); // WaitIdle
            }

            if (_backlog.TryDequeue(out var next))
            {
                return (next, false);
            }

            if (_closed)
            {
                _threads--;
                return (null, true);
            }

            _idle.Push(sender);
            return (null, false);
        }
    }

    /// <summary>
    /// An idle sender that waited <see cref="IdleExit"/> for nothing: true when it may end (it was still idle and is
    /// not the last thread; it is taken off the idle stack, so no request can be given to it any more).
    /// </summary>
    private bool Retire(Sender sender)
    {
        lock (_gate)
        {
            if (_threads <= 1 || !_idle.Contains(sender))
            {
                return false;
            }

            var keep = _idle.Where(s => !ReferenceEquals(s, sender)).Reverse().ToList(); // rare: the longest idle thread
            _idle.Clear();
            foreach (var s in keep)
            {
                _idle.Push(s);
            }

            _threads--;
            return true;
        }
    }

    /// <summary>
    /// One thread, sleeping on its own <see cref="AutoResetEvent"/> (a kernel wait woken once by <see cref="Give"/>: no
    /// monitor to re-acquire after the wake, no spinning). <see cref="Give"/> is only called under the pool's lock,
    /// on a sender that is on the idle stack, so at most one request is handed over per wake.
    /// </summary>
    private sealed class Sender(ProbeSenders pool, ProbeJob first)
    {
        private readonly AutoResetEvent _wake = new(false);
        private ProbeJob? _given;
        private volatile bool _hasGiven;

        public void Start() => new Thread(() => Loop(first)) { IsBackground = true, Name = "drillbot-probe-send" }.Start();

        /// <summary>Hands a request (or null: end) to this idle sender.</summary>
        public void Give(ProbeJob? job)
        {
            _given = job;
            _hasGiven = true;
            _wake.Set();
        }

        private void Loop(ProbeJob first)
        {
            using var wake = _wake;
            ProbeJob? job = first;
            while (true)
            {
                if (job is { } j)
                {
                    var end = false;
                    try
                    {
                        pool._send(j); // never throws (the prober catches and keeps the first failure)
                    }
                    finally
                    {
                        (job, end) = pool.Done(this);
                    }

                    if (end)
                    {
                        return;
                    }
                }
                else if (!TryTake(out job))
                {
                    return;
                }
            }
        }

        /// <summary>Sleeps until a request is given (true) or the sender ends: told to, or retired after idling (false).</summary>
        private bool TryTake(out ProbeJob? job)
        {
            while (true)
            {
                if (_wake.WaitOne(IdleExit) || _hasGiven || !pool.Retire(this))
                {
                    if (!_hasGiven)
                    {
                        continue; // the last thread, or given just now: wait again
                    }

                    _hasGiven = false;
                    job = _given;
                    return job is not null;
                }

                job = null;
                return false;
            }
        }
    }
}
