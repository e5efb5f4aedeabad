namespace DrillBot.Lab;

/// <summary>The outcome of loading a topology file.</summary>
/// <param name="Topology">The topology, or null when there are problems.</param>
/// <param name="Problems">Every problem found, each as <c>file:line:col: message</c>.</param>
public sealed record LabTopologyLoadResult(LabTopology? Topology, IReadOnlyList<string> Problems)
{
    /// <summary>True when the file was loaded without problems.</summary>
    public bool Succeeded => Topology is not null && Problems.Count == 0;
}
