using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DrillBot.Tests.Chart;

/// <summary>The documents of a render, each parsed on its own so a broken one names its template.</summary>
internal sealed class ManifestSet
{
    private const string SourcePrefix = "# Source: ";

    private ManifestSet(IReadOnlyList<Manifest> all) => All = all;

    public IReadOnlyList<Manifest> All { get; }

    public static ManifestSet Parse(string rendered)
    {
        var manifests = new List<Manifest>();
        // Documents are separated by lines that are exactly "---" (a comment ending in dashes inside a block scalar is not one).
        foreach (var chunk in Regex.Split(rendered, @"(?m)^---[ \t]*\r?$\n?").Where(c => c.Trim().Length > 0))
        {
            var firstLine = chunk.Split('\n', 2)[0];
            var source = firstLine.StartsWith(SourcePrefix, StringComparison.Ordinal) ? firstLine[SourcePrefix.Length..] : "(unknown)";
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(chunk));
            }
            catch (YamlException e)
            {
                Assert.Fail($"{source} is not valid YAML: {e.Message}\n{chunk}");
            }

            Assert.That(stream.Documents, Has.Count.EqualTo(1), $"{source}: expected one document");
            Assert.That(stream.Documents[0].RootNode, Is.InstanceOf<YamlMappingNode>(), $"{source}: the document is not a map");
            manifests.Add(new Manifest(source, (YamlMappingNode)stream.Documents[0].RootNode));
        }

        return new ManifestSet(manifests);
    }

    public IReadOnlyList<Manifest> OfKind(string kind) => [.. All.Where(m => m.Kind == kind)];

    public Manifest Single(string kind, string name)
    {
        var found = All.Where(m => m.Kind == kind && m.Name == name).ToList();
        Assert.That(found, Has.Count.EqualTo(1), $"expected one {kind}/{name}; rendered: {string.Join(", ", All)}");
        return found[0];
    }

    public Manifest Single(string kind)
    {
        var found = OfKind(kind);
        Assert.That(found, Has.Count.EqualTo(1), $"expected one {kind}; rendered: {string.Join(", ", All)}");
        return found[0];
    }
}
