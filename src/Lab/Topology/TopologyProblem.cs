namespace DrillBot.Lab;

/// <summary>One problem with a topology: the field path (e.g. <c>contexts[1].region</c>) and what is wrong.</summary>
internal sealed record TopologyProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
