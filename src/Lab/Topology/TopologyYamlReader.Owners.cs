using YamlDotNet.RepresentationModel;

namespace DrillBot.Lab;

/// <summary>The <c>owners:</c> and <c>identities:</c> sections.</summary>
internal sealed partial class TopologyYamlReader
{
    private static readonly Dictionary<string, LabOwnerKind> OwnerKindNames = new(StringComparer.Ordinal)
    {
        ["argocd"] = LabOwnerKind.ArgoCd,
        ["flux"] = LabOwnerKind.Flux,
        ["keda"] = LabOwnerKind.Keda,
        ["hpa"] = LabOwnerKind.Hpa,
    };

    private LabOwnerSpec? ReadOwner(YamlNode node, string path)
    {
        if (Mapping(node, path) is not { } map)
        {
            return null;
        }

        var f = Fields(map, path, ["kind", "context", "name", "namespace", "objects", "selfHeal", "trackByLabel", "target", "minReplicas", "maxReplicas"]);
        var kindText = Str(f, "kind");
        var context = Str(f, "context");
        var name = Str(f, "name");
        if (kindText is null || context is null || name is null)
        {
            Problem(node, $"{path}: kind, context and name are required");
            return null;
        }

        if (!OwnerKindNames.TryGetValue(kindText, out var kind))
        {
            Problem(f["kind"].Node, $"{path}.kind: '{kindText}' is not one of {string.Join(", ", OwnerKindNames.Keys)}");
            return null;
        }

        var spec = new LabOwnerSpec(kind, context, name)
        {
            Namespace = Str(f, "namespace"),
            Objects = f.TryGetValue("objects", out var objects) ? ReadList(objects.Node, objects.Path, Scalar) : [],
            SelfHeal = Bool(f, "selfHeal") ?? true,
            TrackByLabel = Bool(f, "trackByLabel") ?? false,
            Target = Str(f, "target"),
            MinReplicas = Int(f, "minReplicas"),
        };
        return Int(f, "maxReplicas") is { } max ? spec with { MaxReplicas = max } : spec;
    }

    private LabIdentity? ReadIdentity(YamlNode node, string path)
    {
        if (Mapping(node, path) is not { } map)
        {
            return null;
        }

        var f = Fields(map, path, ["name", "rules"]);
        if (Str(f, "name") is not { } name)
        {
            Problem(node, $"{path}.name: required");
            return null;
        }

        return new LabIdentity(name, f.TryGetValue("rules", out var rules) ? ReadList(rules.Node, rules.Path, ReadRule) : []);
    }

    private LabRbacRule? ReadRule(YamlNode node, string path)
    {
        if (Mapping(node, path) is not { } map)
        {
            return null;
        }

        var f = Fields(map, path, ["contexts", "namespaces", "apiGroups", "resources", "resourceNames", "verbs"]);
        List<string> Strings(string key) => f.TryGetValue(key, out var v) ? ReadList(v.Node, v.Path, AnyScalar) : [];
        return new LabRbacRule
        {
            Contexts = Strings("contexts"),
            Namespaces = Strings("namespaces"),
            ApiGroups = Strings("apiGroups"),
            Resources = Strings("resources"),
            ResourceNames = Strings("resourceNames"),
            Verbs = Strings("verbs"),
        };
    }

    /// <summary>A scalar that may be empty (the core API group is "").</summary>
    private string? AnyScalar(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } value })
        {
            return value;
        }

        Problem(node, $"{path}: expected a value");
        return null;
    }
}
