using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DrillBot.Lab;

/// <summary>
/// Loads a topology YAML file. Omitted fields keep <see cref="LabTopology.Default"/>'s values. Every problem
/// (syntax, unknown field, wrong type, semantic) is reported with <c>file:line:col</c>; nothing throws.
/// </summary>
public static class LabTopologyLoader
{
    /// <summary>Loads and validates the file at <paramref name="path"/>.</summary>
    public static LabTopologyLoadResult Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return new LabTopologyLoadResult(null, [$"{path}:1:1: cannot read the topology file: {ex.Message}"]);
        }

        return Parse(text, path);
    }

    /// <summary>Parses and validates YAML <paramref name="text"/>; <paramref name="fileName"/> prefixes each problem.</summary>
    public static LabTopologyLoadResult Parse(string text, string fileName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
            return new LabTopologyLoadResult(null, [$"{fileName}:{ex.Start.Line}:{ex.Start.Column}: {message}"]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return Finish(LabTopology.Default, new TopologyYamlReader(fileName), fileName);
        }

        var reader = new TopologyYamlReader(fileName);
        var topology = reader.Read(stream.Documents[0].RootNode);
        return Finish(topology, reader, fileName);
    }

    private static LabTopologyLoadResult Finish(LabTopology topology, TopologyYamlReader reader, string fileName)
    {
        var problems = new List<string>(reader.Problems);
        if (problems.Count == 0)
        {
            foreach (var problem in TopologyValidator.Validate(topology))
            {
                var mark = reader.MarkFor(problem.Path);
                problems.Add($"{fileName}:{mark.Line}:{mark.Column}: {problem.Path}: {problem.Message}");
            }
        }

        return problems.Count == 0 ? new LabTopologyLoadResult(topology, []) : new LabTopologyLoadResult(null, problems);
    }
}
