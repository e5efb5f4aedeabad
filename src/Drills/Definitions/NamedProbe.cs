namespace DrillBot.Drills.Definitions;

/// <summary>
/// One entry of <c>probes:</c> (docs/drills-yaml.md#probes): an entry point probed on its own, e.g. each region's
/// ingress gateway. <paramref name="Probe"/> is the drill's <c>probe:</c> settings with this entry's URL;
/// <paramref name="Expect"/> is the drill's <c>expect:</c> with the fields this entry's own <c>expect:</c> gives replaced.
/// </summary>
public sealed record NamedProbe(string Name, ProbeDefinition Probe, ExpectDefinition Expect)
{
    public SourceLocation Location { get; init; } = SourceLocation.None;
}
