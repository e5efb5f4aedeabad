namespace DrillBot.Drills.Definitions;

/// <summary>Waits (probing goes on) before the next step.</summary>
public sealed record WaitStep(TimeSpan Duration) : StepDefinition
{
    public override string Kind => "wait";
}
