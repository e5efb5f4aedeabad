namespace DrillBot.Drills.Definitions;

/// <summary>The outcome of loading drills.yaml: the config when valid, otherwise every problem found.</summary>
public sealed record DrillsLoadResult(DrillsConfig? Config, IReadOnlyList<ValidationProblem> Problems)
{
    public bool IsValid => Config is not null && Problems.Count == 0;

    /// <summary>Located warnings (undefined variables when loaded for <c>validate</c>); they never void the config.</summary>
    public IReadOnlyList<ValidationProblem> Warnings { get; init; } = [];
}
