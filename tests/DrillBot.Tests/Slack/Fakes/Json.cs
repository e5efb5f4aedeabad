using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DrillBot.Tests.Slack.Fakes;

/// <summary>JSON as readable text for assertions (no \u003C escapes).</summary>
public static class Json
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Text(JsonNode? node) => node?.ToJsonString(Relaxed) ?? "null";
}

/// <summary>Extension form of <see cref="Json.Text"/>.</summary>
public static class JsonTextExtensions
{
    public static string AsText(this JsonNode? node) => Json.Text(node);
}
