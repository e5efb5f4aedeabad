namespace DrillBot.Logging;

/// <summary>
/// The logger scope opened around a run, so every log line of the run (the engine's and the
/// service's) carries <c>runId</c> and <c>drill</c>: as JSON properties with the JSON formatter, as
/// <c>run … drill …</c> with the plain one.
/// </summary>
internal sealed class RunLogScope(string runId, string drill) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] values = [new("runId", runId), new("drill", drill)];

    public int Count => values.Length;

    public KeyValuePair<string, object?> this[int index] => values[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)values).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"runId={values[0].Value} drill={values[1].Value}";
}
