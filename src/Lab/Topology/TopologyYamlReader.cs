using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DrillBot.Lab;

/// <summary>Turns the topology YAML tree into a <see cref="LabTopology"/>, recording each field's position.</summary>
internal sealed partial class TopologyYamlReader(string fileName)
{
    private readonly Dictionary<string, Mark> _marks = new(StringComparer.Ordinal);
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Where <paramref name="path"/> (or its nearest recorded parent) is in the file.</summary>
    public Mark MarkFor(string path)
    {
        for (var p = path; p.Length > 0; p = Parent(p))
        {
            if (_marks.TryGetValue(p, out var mark))
            {
                return mark;
            }
        }

        return new Mark(0, 1, 1);
    }

    public LabTopology Read(YamlNode root)
    {
        var d = LabTopology.Default;
        var map = Mapping(root, "");
        if (map is null)
        {
            return d;
        }

        var fields = Fields(map, "", ["namespace", "ingress", "ingresses", "mesh", "template", "contexts", "timing", "istio", "faults", "envoy", "services", "owners", "identities"]);
        return d with
        {
            Namespace = Str(fields, "namespace") ?? d.Namespace,
            IngressContext = Str(fields, "ingress") ?? d.IngressContext,
            IngressContexts = fields.TryGetValue("ingresses", out var ig) ? ReadList(ig.Node, ig.Path, Scalar) : d.IngressContexts,
            MeshContext = Str(fields, "mesh") ?? d.MeshContext,
            Template = ReadTemplate(fields) ?? d.Template,
            Contexts = fields.TryGetValue("contexts", out var c) ? ReadList(c.Node, c.Path, ReadContext) : d.Contexts,
            Timing = fields.TryGetValue("timing", out var t) ? ReadTiming(t, d.Timing) : d.Timing,
            Mesh = fields.TryGetValue("istio", out var m) ? ReadMesh(m, d.Mesh) : d.Mesh,
            FailingRegions = ReadFaults(fields) ?? d.FailingRegions,
            Services = fields.TryGetValue("services", out var s) ? ReadServices(s) : d.Services,
            Envoy = ReadEnvoy(fields) ?? d.Envoy,
            Owners = fields.TryGetValue("owners", out var o) ? ReadList(o.Node, o.Path, ReadOwner) : d.Owners,
            Identities = fields.TryGetValue("identities", out var i) ? ReadList(i.Node, i.Path, ReadIdentity) : d.Identities,
        };
    }

    private LabHtmlTemplate? ReadTemplate(Dictionary<string, (YamlNode Node, string Path)> fields)
    {
        var value = Str(fields, "template");
        switch (value)
        {
            case null: return null;
            case "classic" or "classic-1.16": return LabHtmlTemplate.Classic;
            case "modern": return LabHtmlTemplate.Modern;
            default:
                Problem(fields["template"].Node, $"template: '{value}' is not one of classic, classic-1.16, modern");
                return null;
        }
    }

    private LabEnvoyEjection? ReadEnvoy(Dictionary<string, (YamlNode Node, string Path)> fields)
    {
        var value = Str(fields, "envoy");
        switch (value)
        {
            case null: return null;
            case "current": return LabEnvoyEjection.Current;
            case "legacy-ejection": return LabEnvoyEjection.LegacyEjection;
            default:
                Problem(fields["envoy"].Node, $"envoy: '{value}' is not one of current, legacy-ejection");
                return null;
        }
    }

    private LabContextSpec? ReadContext(YamlNode node, string path)
    {
        var map = Mapping(node, path);
        if (map is null)
        {
            return null;
        }

        var f = Fields(map, path, ["name", "region", "zone", "deployments", "apiFaults"]);
        var name = Str(f, "name");
        if (name is null)
        {
            Problem(node, $"{path}.name: required");
            return null;
        }

        var deployments = f.TryGetValue("deployments", out var d) ? ReadList(d.Node, d.Path, ReadDeployment) : [];
        var faults = f.TryGetValue("apiFaults", out var a) ? ReadApiFaults(a) : LabApiFaults.None;
        return new LabContextSpec(name, Str(f, "region"), deployments) { Zone = Str(f, "zone"), ApiFaults = faults };
    }

    private LabDeploymentSpec? ReadDeployment(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } shortName })
        {
            return new LabDeploymentSpec(shortName);
        }

        var map = Mapping(node, path);
        if (map is null)
        {
            return null;
        }

        var f = Fields(map, path, ["name", "replicas", "app", "version"]);
        var name = Str(f, "name");
        if (name is null)
        {
            Problem(node, $"{path}.name: required");
            return null;
        }

        var spec = new LabDeploymentSpec(name, Int(f, "replicas") ?? 1);
        var app = Str(f, "app");
        var version = Str(f, "version");
        spec = app is null ? spec : spec with { App = app };
        return version is null ? spec : spec with { Version = version };
    }

    private LabApiFaults ReadApiFaults((YamlNode Node, string Path) field)
    {
        var map = Mapping(field.Node, field.Path);
        if (map is null)
        {
            return LabApiFaults.None;
        }

        var f = Fields(map, field.Path, ["errorRatio", "status", "latency"]);
        return new LabApiFaults(Double(f, "errorRatio") ?? 0, Int(f, "status") ?? 503, Duration(f, "latency") ?? TimeSpan.Zero);
    }

    private LabTiming ReadTiming((YamlNode Node, string Path) field, LabTiming d)
    {
        var map = Mapping(field.Node, field.Path);
        if (map is null)
        {
            return d;
        }

        var f = Fields(map, field.Path, ["podStartDelay", "podStopDelay", "endpointPropagationDelay", "endpointRemovalDelay", "connectionSetupLatency", "selfHealDelay", "autoscalerSyncPeriod"]);
        return new LabTiming
        {
            SelfHealDelay = Duration(f, "selfHealDelay") ?? d.SelfHealDelay,
            AutoscalerSyncPeriod = Duration(f, "autoscalerSyncPeriod") ?? d.AutoscalerSyncPeriod,
            EndpointRemovalDelay = Duration(f, "endpointRemovalDelay") ?? d.EndpointRemovalDelay,
            ConnectionSetupLatency = Duration(f, "connectionSetupLatency") ?? d.ConnectionSetupLatency,
            PodStartDelay = Duration(f, "podStartDelay") ?? d.PodStartDelay,
            PodStopDelay = Duration(f, "podStopDelay") ?? d.PodStopDelay,
            EndpointPropagationDelay = Duration(f, "endpointPropagationDelay") ?? d.EndpointPropagationDelay,
        };
    }

    private LabMeshSettings ReadMesh((YamlNode Node, string Path) field, LabMeshSettings d)
    {
        var map = Mapping(field.Node, field.Path);
        if (map is null)
        {
            return d;
        }

        var f = Fields(map, field.Path, ["retryAttempts", "retryBackoff", "localityLbEnabledByDefault", "alwaysEjectOneHost"]);
        return new LabMeshSettings
        {
            RetryAttempts = Int(f, "retryAttempts") ?? d.RetryAttempts,
            RetryBackoff = Duration(f, "retryBackoff") ?? d.RetryBackoff,
            LocalityLbEnabledByDefault = Bool(f, "localityLbEnabledByDefault") ?? d.LocalityLbEnabledByDefault,
            AlwaysEjectOneHost = Bool(f, "alwaysEjectOneHost") ?? d.AlwaysEjectOneHost,
        };
    }

    private List<string>? ReadFaults(Dictionary<string, (YamlNode Node, string Path) > fields)
    {
        if (!fields.TryGetValue("faults", out var field) || Mapping(field.Node, field.Path) is not { } map)
        {
            return null;
        }

        var f = Fields(map, field.Path, ["failingRegions"]);
        return f.TryGetValue("failingRegions", out var regions)
            ? ReadList(regions.Node, regions.Path, Scalar)
            : null;
    }

    private List<T> ReadList<T>(YamlNode node, string path, Func<YamlNode, string, T?> readItem)
    {
        _marks[path] = node.Start;
        if (node is not YamlSequenceNode seq)
        {
            Problem(node, $"{path}: expected a list");
            return [];
        }

        var items = new List<T>();
        for (var i = 0; i < seq.Children.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            _marks[itemPath] = seq.Children[i].Start;
            if (readItem(seq.Children[i], itemPath) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }
}
