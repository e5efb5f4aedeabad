using System.Text.RegularExpressions;
using DrillBot.Tests.Observability;
using YamlDotNet.RepresentationModel;

namespace DrillBot.Tests.Chart;

/// <summary>docs/operations.md's values reference and charts/drillbot/values.yaml stay in step.</summary>
public sealed partial class ChartValuesReferenceTests
{
    [Test]
    public void ValuesReference_EveryValue_IsDocumented()
    {
        var documented = ReferenceRows().ToHashSet(StringComparer.Ordinal);
        var missing = new List<string>();
        Collect(LoadValues(), "", documented, missing);

        Assert.That(missing, Is.Empty, "values without a row in docs/operations.md's values reference");
    }

    [Test]
    public void ValuesReference_EveryRow_NamesAnExistingValue()
    {
        var values = LoadValues();
        var rows = ReferenceRows().ToList();

        Assert.That(rows, Has.Count.GreaterThan(50));
        Assert.That(rows.Where(path => values.Find(path.Split('.')) is null), Is.Empty, "rows naming values that values.yaml does not have");
    }

    /// <summary>The value paths of the "Values reference" table's rows.</summary>
    private static IEnumerable<string> ReferenceRows() =>
        File.ReadAllLines(RepositoryRoot.Combine("docs", "operations.md"))
            .SkipWhile(line => line != "## Values reference")
            .Skip(1)
            .TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal))
            .Select(line => TableRow().Match(line))
            .Where(m => m.Success)
            .Select(m => m.Groups["path"].Value);

    /// <summary>A map with its own row covers its children; otherwise every key needs a row.</summary>
    private static void Collect(YamlNode node, string path, HashSet<string> documented, List<string> missing)
    {
        if (documented.Contains(path))
        {
            return;
        }

        if (node is YamlMappingNode map && map.Children.Count > 0)
        {
            foreach (var (key, child) in map.Children)
            {
                Collect(child, path.Length == 0 ? key.ToString() : $"{path}.{key}", documented, missing);
            }

            return;
        }

        missing.Add(path);
    }

    private static YamlNode LoadValues()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(ChartRenderer.ChartDirectory, "values.yaml"))));
        return stream.Documents[0].RootNode;
    }

    [GeneratedRegex(@"^\| `(?<path>[A-Za-z][\w.]*)` \|")]
    private static partial Regex TableRow();
}
