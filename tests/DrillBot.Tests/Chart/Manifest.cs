using YamlDotNet.RepresentationModel;

namespace DrillBot.Tests.Chart;

/// <summary>One rendered Kubernetes object and the template it came from.</summary>
internal sealed record Manifest(string Source, YamlMappingNode Root)
{
    public string ApiVersion => Root.Find("apiVersion") is YamlScalarNode s ? s.Value ?? "" : "";

    public string Kind => Root.Find("kind") is YamlScalarNode s ? s.Value ?? "" : "";

    public string Name => Root.Find("metadata", "name") is YamlScalarNode s ? s.Value ?? "" : "";

    public string? Namespace => Root.Find("metadata", "namespace") is YamlScalarNode s ? s.Value : null;

    public override string ToString() => $"{Kind}/{Name} ({Source})";
}
