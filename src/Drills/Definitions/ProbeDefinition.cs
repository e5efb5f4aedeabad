namespace DrillBot.Drills.Definitions;

/// <summary>How to probe the application: one request every <paramref name="Interval"/>, classified by <paramref name="Classify"/>.</summary>
public sealed record ProbeDefinition(
    Uri Url,
    TimeSpan Interval,
    TimeSpan Timeout,
    IReadOnlyList<ClassifyRule> Classify,
    int MaxInFlight);
