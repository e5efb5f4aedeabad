using DrillBot.Drills.Probing;

namespace DrillBot.Drills.Running;

/// <summary>
/// An append-only series of samples stored in fixed chunks of 4,096 references (never copied when it grows, never on
/// the large-object heap). One writer appends under the owner's lock; <see cref="View"/> is a consistent snapshot
/// that readers may use while the series keeps growing (the elements it covers never move).
/// </summary>
internal sealed class SampleSeries
{
    private const int ChunkBits = 12;
    private const int ChunkSize = 1 << ChunkBits;
    private ProbeSample[][] _chunks = [];
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public ProbeSample this[int index] => _chunks[index >> ChunkBits][index & (ChunkSize - 1)];

    public void Add(ProbeSample sample)
    {
        var chunk = _count >> ChunkBits;
        if (chunk == _chunks.Length)
        {
            var grown = new ProbeSample[Math.Max(4, _chunks.Length * 2)][];
            Array.Copy(_chunks, grown, _chunks.Length);
            Volatile.Write(ref _chunks, grown);
        }

        _chunks[chunk] ??= new ProbeSample[ChunkSize];
        _chunks[chunk][_count & (ChunkSize - 1)] = sample;
        Volatile.Write(ref _count, _count + 1);
    }

    /// <summary>The first <paramref name="count"/> samples (at most <see cref="Count"/>), followed by <paramref name="tail"/>.</summary>
    public IReadOnlyList<ProbeSample> View(int count, IReadOnlyList<ProbeSample>? tail = null)
    {
        var head = Math.Min(count, Count); // the count first: the chunks read after it cover it
        return new Snapshot(Volatile.Read(ref _chunks), head, tail ?? []);
    }

    private sealed class Snapshot(ProbeSample[][] chunks, int head, IReadOnlyList<ProbeSample> tail) : IReadOnlyList<ProbeSample>
    {
        public int Count => head + tail.Count;

        public ProbeSample this[int index] =>
            (uint)index < (uint)head ? chunks[index >> ChunkBits][index & (ChunkSize - 1)]
            : (uint)(index - head) < (uint)tail.Count ? tail[index - head]
            : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<ProbeSample> GetEnumerator()
        {
            for (var i = 0; i < head; i++)
            {
                yield return chunks[i >> ChunkBits][i & (ChunkSize - 1)];
            }

            foreach (var s in tail)
            {
                yield return s;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
