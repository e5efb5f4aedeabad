using System.Globalization;
using System.Text.Json.Nodes;
using DrillBot.Lab.Api;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DrillBot.Lab.Mesh;

/// <summary>
/// The mesh-wide config as Istio keeps it: ConfigMap <c>istio</c> in <c>istio-system</c> of the mesh
/// context, data key <c>mesh</c> holding meshConfig as YAML. Only <c>localityLbSetting</c> is read.
/// </summary>
internal static class MeshConfigMap
{
    public const string Namespace = "istio-system";
    public const string Name = "istio";
    public const string Kind = "ConfigMap";
    public const string DataKey = "mesh";

    public static bool IsMeshConfig(string kind, string ns, string name) => kind == Kind && ns == Namespace && name == Name;

    /// <summary>The ConfigMap the Lab starts with: <c>localityLbSetting.enabled</c> from the topology knob.</summary>
    public static JsonObject Initial(bool localityLbEnabled) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = Kind,
        ["data"] = new JsonObject
        {
            [DataKey] = $"localityLbSetting:\n  enabled: {(localityLbEnabled ? "true" : "false")}\n",
        },
    };

    /// <summary>
    /// The mesh-wide <c>localityLbSetting</c> (null when the mesh config has none), or an error message when
    /// <c>data.mesh</c> is not YAML meshConfig (istiod then keeps its previous config).
    /// </summary>
    public static (LocalityLbSpec? Setting, string? Error) Read(ObjectStore store)
    {
        var text = store.Get(Kind, Namespace, Name)?["data"]?[DataKey]?.ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            return (null, $"data.mesh:{ex.Start.Line}:{ex.Start.Column}: {(ex.InnerException ?? ex).Message}");
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return (null, null);
        }

        if (ToJson(yaml.Documents[0].RootNode) is not JsonObject mesh)
        {
            return (null, "data.mesh: meshConfig must be a mapping");
        }

        return mesh["localityLbSetting"] switch
        {
            null => (null, null),
            JsonObject setting => (PolicyParser.Locality(setting), null),
            _ => (null, "data.mesh: localityLbSetting must be a mapping"),
        };
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c =>
            KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", ToJson(c.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain } s => Plain(s.Value),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => null,
    };

    private static JsonNode? Plain(string? value) => value switch
    {
        null or "" or "null" or "~" => null,
        "true" or "True" => JsonValue.Create(true),
        "false" or "False" => JsonValue.Create(false),
        _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        _ => JsonValue.Create(value),
    };
}
