using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DrillBot.Drills.Preflight;

/// <summary>
/// The mesh-wide <c>meshConfig.localityLbSetting</c> from ConfigMap <c>istio</c> in <c>istio-system</c> (key
/// <c>mesh</c>, YAML). The ASM console's locality switches write it; a DestinationRule's own localityLbSetting
/// replaces it for that host.
/// </summary>
internal static class MeshConfig
{
    public const string Namespace = "istio-system";
    public const string Name = "istio";

    /// <summary>The setting, or null when the ConfigMap, its <c>mesh</c> key or the setting is absent (or unreadable YAML).</summary>
    public static JsonObject? LocalityLbSetting(JsonObject? configMap)
    {
        if (configMap?["data"]?["mesh"]?.ToString() is not { } text)
        {
            return null;
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode root
                && root.Children.FirstOrDefault(c => (c.Key as YamlScalarNode)?.Value == "localityLbSetting").Value is YamlMappingNode setting
                ? ToJson(setting) as JsonObject
                : null;
        }
        catch (YamlException)
        {
            return null;
        }
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? string.Empty, ToJson(c.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(ToJson)]),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => null,
    };

    /// <summary>The part of a localityLbSetting that routes (failover pairs and distribute weights), comparable across sources and readable.</summary>
    public static string Routing(JsonObject? setting)
    {
        var failover = (setting?["failover"] as JsonArray ?? []).OfType<JsonObject>().Select(f => $"{f["from"]}->{f["to"]}").Order(StringComparer.Ordinal).ToList();
        var distribute = setting?["distribute"] is JsonArray d ? d.ToJsonString(Compact) : null;
        return distribute is null ? $"failover [{string.Join(", ", failover)}]" : $"distribute {distribute}" + (failover.Count > 0 ? $" failover [{string.Join(", ", failover)}]" : string.Empty);
    }

    public static bool HasRouting(JsonObject? setting) => setting?["failover"] is JsonArray { Count: > 0 } || setting?["distribute"] is JsonArray { Count: > 0 };

    private static readonly System.Text.Json.JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
