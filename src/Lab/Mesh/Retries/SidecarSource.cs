namespace DrillBot.Lab.Mesh;

/// <summary>The calling productpage: its pod name (the hop records' source) and its context index (its locality).</summary>
internal readonly record struct SidecarSource(string Pod, int Context)
{
    public override string ToString() => Pod;
}
