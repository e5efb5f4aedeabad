namespace DrillBot.Lab.Mesh;

/// <summary>A stored Istio object (or part of one) the Lab keeps but does not act on, and why.</summary>
/// <param name="Object">e.g. <c>EnvoyFilter/default/x</c>.</param>
/// <param name="Why">One line, e.g. <c>configPatches[0]: applyTo CLUSTER</c>.</param>
internal sealed record NotModelled(string Object, string Why)
{
    public override string ToString() => $"not modelled: {Why}";
}
