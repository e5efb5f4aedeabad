namespace DrillBot.Drills.Definitions;

/// <summary>Values drills inherit unless they say otherwise.</summary>
public sealed record DefaultsDefinition(string Namespace, TimeZoneInfo TimeZone)
{
    /// <summary><c>default</c> namespace, UTC.</summary>
    public static DefaultsDefinition Standard { get; } = new("default", TimeZoneInfo.Utc);
}
