namespace DrillBot.Drills.Definitions;

/// <summary>
/// A drill as one of its probes sees it: <see cref="Drill"/> has that probe as <c>Probe</c> and its expectations as
/// <c>Expect</c>. <see cref="Name"/> is null for a drill with a single <c>probe:</c> (its checks keep their plain
/// names); with <c>probes:</c> each check is named <c>{name}/{check}</c> (<see cref="Prefix"/>).
/// </summary>
public sealed record ProbeView(string? Name, DrillDefinition Drill)
{
    /// <summary><c>"{name}/"</c>, or empty for the single probe.</summary>
    public string Prefix => Name is null ? string.Empty : Name + "/";

    /// <summary>The name for people: the probe's name, or <c>probe</c>.</summary>
    public string Label => Name ?? "probe";
}
