using System.Text.Json.Nodes;

namespace DrillBot.Drills.Cluster;

/// <summary>One event of a watch: <c>ADDED</c>, <c>MODIFIED</c>, <c>DELETED</c> with the object, or <c>ERROR</c> with a message (the watch then ends).</summary>
public sealed record ObjectEvent(string Type, JsonObject? Object, string? Error)
{
    public const string Failed = "ERROR";
}
