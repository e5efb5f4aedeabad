using DrillBot.Drills.Probing;

namespace DrillBot.Drills.Tests.Analysis;

/// <summary>Builds synthetic sample streams: one sample per interval from a start time.</summary>
internal sealed class SampleStream(DateTimeOffset start, TimeSpan interval)
{
    private readonly List<ProbeSample> _samples = [];

    public static readonly DateTimeOffset T0 = new(2026, 1, 6, 3, 0, 0, TimeSpan.Zero);

    public IReadOnlyList<ProbeSample> Samples => _samples;

    public DateTimeOffset Next => start + (interval * _samples.Count);

    public SampleStream Add(int count, string cls, bool ok = true, bool late = false, double latencyMs = 5)
    {
        for (var i = 0; i < count; i++)
        {
            var at = Next;
            _samples.Add(new ProbeSample(_samples.Count, at, late ? at + (interval / 2) + TimeSpan.FromMilliseconds(1) : at, TimeSpan.FromMilliseconds(latencyMs), ok || cls != "error" ? 200 : null, cls == "error" ? "timeout" : null, cls, ok, late));
        }

        return this;
    }

    public SampleStream Ok(int count, string cls) => Add(count, cls);

    public SampleStream Bad(int count, string cls = "degraded") => Add(count, cls, ok: false);
}
