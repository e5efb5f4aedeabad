using YamlDotNet.RepresentationModel;

namespace DrillBot.Tests.Chart;

/// <summary>Navigation over parsed manifests; a missing path fails the test naming the path.</summary>
internal static class YamlNodeExtensions
{
    public static YamlNode? Find(this YamlNode node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    public static YamlNode At(this YamlNode node, params string[] path)
    {
        var found = node.Find(path);
        Assert.That(found, Is.Not.Null, $"missing {string.Join('.', path)}");
        return found!;
    }

    public static string Str(this YamlNode node, params string[] path)
    {
        var found = node.At(path);
        Assert.That(found, Is.InstanceOf<YamlScalarNode>(), $"{string.Join('.', path)} is not a scalar");
        return ((YamlScalarNode)found).Value ?? "";
    }

    public static IReadOnlyList<YamlNode> Items(this YamlNode node, params string[] path)
    {
        var found = node.At(path);
        Assert.That(found, Is.InstanceOf<YamlSequenceNode>(), $"{string.Join('.', path)} is not a list");
        return [.. ((YamlSequenceNode)found).Children];
    }

    /// <summary>The scalars of a list, or an empty list when the key is absent.</summary>
    public static IReadOnlyList<string> Strings(this YamlNode node, params string[] path) =>
        node.Find(path) is YamlSequenceNode seq
            ? [.. seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "")]
            : [];

    /// <summary>The entry of a list of maps whose `name` is <paramref name="name"/>.</summary>
    public static YamlNode Named(this IEnumerable<YamlNode> items, string name)
    {
        var found = items.FirstOrDefault(i => i.Find("name") is YamlScalarNode s && s.Value == name);
        Assert.That(found, Is.Not.Null, $"no entry named {name}");
        return found!;
    }
}
