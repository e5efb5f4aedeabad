namespace DrillBot.Drills.Definitions;

/// <summary>One step of a drill. <see cref="Fault"/> marks the step whose acknowledgement is t0.</summary>
public abstract record StepDefinition
{
    /// <summary>The step kind as written in drills.yaml (<c>scale</c>, <c>enableFailover</c>, …).</summary>
    public abstract string Kind { get; }
    public bool Fault { get; init; }
    public SourceLocation Location { get; init; } = SourceLocation.None;
}

/// <summary>A step that changes one object in one cluster.</summary>
public abstract record ObjectStepDefinition : StepDefinition
{
    public required string Cluster { get; init; }
    public required string Namespace { get; init; }
}
