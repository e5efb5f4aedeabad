namespace DrillBot.Drills.Definitions;

/// <summary>Scales a deployment through its scale subresource.</summary>
public sealed record ScaleStep : ObjectStepDefinition
{
    public override string Kind => "scale";
    public required string Deployment { get; init; }
    public required int Replicas { get; init; }
}
