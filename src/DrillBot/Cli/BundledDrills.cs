namespace DrillBot.Cli;

/// <summary>The drills.yaml embedded in the executable (resource "drills.yaml").</summary>
internal static class BundledDrills
{
    public const string Name = "drills.yaml (bundled)";

    public static string Read()
    {
        using var stream = typeof(BundledDrills).Assembly.GetManifestResourceStream("drills.yaml")
            ?? throw new InvalidOperationException("the bundled drills.yaml resource is missing from the executable");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
