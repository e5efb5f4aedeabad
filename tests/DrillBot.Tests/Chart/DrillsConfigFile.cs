namespace DrillBot.Tests.Chart;

/// <summary>
/// The drills.yaml the chart puts in its drills ConfigMap, written to a file: what `drillbot validate
/// --config FILE` checks.
/// </summary>
internal static class DrillsConfigFile
{
    /// <summary>Writes the ConfigMap's drills.yaml into <paramref name="directory"/> and returns its path.</summary>
    public static async Task<string> ExtractAsync(ManifestSet manifests, string directory)
    {
        var configMap = manifests.OfKind("ConfigMap").SingleOrDefault(c => c.Name.EndsWith("-drills", StringComparison.Ordinal));
        Assert.That(configMap, Is.Not.Null, "no drills ConfigMap (…-drills) rendered");
        var path = Path.Combine(directory, "drills.yaml");
        await File.WriteAllTextAsync(path, configMap!.Root.Str("data", "drills.yaml") + "\n");
        return path;
    }
}
