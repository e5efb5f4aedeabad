using DrillBot.Drills.Analysis;
using DrillBot.Drills.Probing;

namespace DrillBot.Drills.Running;

/// <summary>The samples of a run so far, thread-safe.</summary>
internal sealed class SampleLog
{
    private readonly List<ProbeSample> _samples = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _samples.Count;
            }
        }
    }

    public void Add(ProbeSample sample)
    {
        lock (_gate)
        {
            _samples.Add(sample);
        }
    }

    /// <summary>The samples sorted by send time, keeping only those sent before the earliest sample still in flight.</summary>
    public IReadOnlyList<ProbeSample> Complete(long sent)
    {
        List<ProbeSample> copy;
        lock (_gate)
        {
            copy = [.. _samples];
        }

        var done = copy.Select(s => s.Sequence).ToHashSet();
        var firstMissing = 0L;
        while (firstMissing < sent && done.Contains(firstMissing))
        {
            firstMissing++;
        }

        return SampleWindows.Sorted(copy.Where(s => s.Sequence < firstMissing));
    }

    public IReadOnlyList<ProbeSample> All()
    {
        lock (_gate)
        {
            return SampleWindows.Sorted(_samples);
        }
    }
}
