namespace DrillBot.Drills.Telemetry;

/// <summary>One element of an instant vector: its labels and value.</summary>
internal sealed record PromSample(IReadOnlyDictionary<string, string> Labels, double Value)
{
    public string Label(string name) => Labels.GetValueOrDefault(name) ?? string.Empty;
}

/// <summary>One series of a range query: its labels and (time, value) points.</summary>
internal sealed record PromSeries(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<(DateTimeOffset At, double Value)> Points);
