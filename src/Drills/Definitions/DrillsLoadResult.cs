namespace DrillBot.Drills.Definitions;

/// <summary>The outcome of loading drills.yaml: the config when valid, otherwise every problem found.</summary>
public sealed record DrillsLoadResult(DrillsConfig? Config, IReadOnlyList<ValidationProblem> Problems)
{
    public bool IsValid => Config is not null && Problems.Count == 0;

    /// <summary>Located warnings: undefined variables when loaded for <c>validate</c>, and valid drills that probably do not prove what they claim (e.g. a VirtualService abort expected to fail over); they never void the config.</summary>
    public IReadOnlyList<ValidationProblem> Warnings { get; init; } = [];
}
