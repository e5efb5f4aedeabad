using DrillBot.Drills.Analysis;
using DrillBot.Drills.Probing;

namespace DrillBot.Drills.Running;

/// <summary>
/// The samples of a run so far, thread-safe. Answers arrive out of order (a slow answer completes after later ones);
/// samples are kept in sequence order in an append-only <see cref="SampleSeries"/> up to the first sequence number still
/// in flight, the few that completed ahead of it wait aside. As long as send times rise with sequence numbers (the
/// prober stamps them in order on one thread; only a step back of the wall clock breaks it) that order is the send-time
/// order, so <see cref="Complete"/> and <see cref="All"/> are views without a sort or a copy: a check every 100 ms of a
/// one-hour observation at 100 samples/s stays cheap. After a clock step back they fall back to sorting copies.
/// </summary>
internal sealed class SampleLog
{
    private readonly SampleSeries _done = new();
    private readonly SortedDictionary<long, ProbeSample> _ahead = [];
    private readonly List<ProbeSample> _unordered = [];
    private readonly Lock _gate = new();
    private bool _ordered = true;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _ordered ? _done.Count + _ahead.Count : _unordered.Count;
            }
        }
    }

    public void Add(ProbeSample sample)
    {
        lock (_gate)
        {
            if (!_ordered)
            {
                _unordered.Add(sample);
                return;
            }

            if (sample.Sequence != _done.Count)
            {
                if (sample.Sequence < _done.Count || !_ahead.TryAdd(sample.Sequence, sample))
                {
                    Disorder(sample); // a sequence number seen twice: not one prober's stream
                }

                return;
            }

            Append(sample);
            while (_ordered && _ahead.Remove(_done.Count, out var next))
            {
                Append(next);
            }
        }
    }

    /// <summary>The samples sorted by send time, keeping only those sent before the earliest sample still in flight.</summary>
    public IReadOnlyList<ProbeSample> Complete(long sent)
    {
        lock (_gate)
        {
            if (_ordered)
            {
                return _done.View((int)Math.Min(sent, int.MaxValue));
            }

            var done = _unordered.Select(s => s.Sequence).ToHashSet();
            var firstMissing = 0L;
            while (firstMissing < sent && done.Contains(firstMissing))
            {
                firstMissing++;
            }

            return SampleWindows.Sorted(_unordered.Where(s => s.Sequence < firstMissing));
        }
    }

    public IReadOnlyList<ProbeSample> All()
    {
        lock (_gate)
        {
            if (!_ordered)
            {
                return SampleWindows.Sorted(_unordered);
            }

            if (_ahead.Count == 0)
            {
                return _done.View(int.MaxValue);
            }

            // the few answers that came in ahead of one still in flight follow, by send time
            var view = _done.View(int.MaxValue, [.. _ahead.Values]);
            return IsSorted(view, _done.Count - 1) ? view : SampleWindows.Sorted(view);
        }
    }

    private static bool IsSorted(IReadOnlyList<ProbeSample> samples, int from)
    {
        for (var i = Math.Max(1, from); i < samples.Count; i++)
        {
            if (samples[i - 1].SentAt > samples[i].SentAt)
            {
                return false;
            }
        }

        return true;
    }

    private void Append(ProbeSample sample)
    {
        if (_done.Count > 0 && _done[_done.Count - 1].SentAt > sample.SentAt)
        {
            Disorder(sample);
            return;
        }

        _done.Add(sample);
    }

    // send times no longer follow sequence numbers: keep every sample in one list and sort on demand, as before
    private void Disorder(ProbeSample sample)
    {
        _ordered = false;
        for (var i = 0; i < _done.Count; i++)
        {
            _unordered.Add(_done[i]);
        }

        _unordered.AddRange(_ahead.Values);
        _unordered.Add(sample);
        _ahead.Clear();
    }
}
