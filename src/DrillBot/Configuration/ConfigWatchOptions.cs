namespace DrillBot.Configuration;

/// <summary>How <see cref="ConfigWatcher"/> follows drills.yaml.</summary>
internal sealed record ConfigWatchOptions
{
    /// <summary>Set when the drills came from this text (the bundled drills): nothing is watched.</summary>
    public string? ConfigText { get; init; }

    public required TimeSpan ConfigPollInterval { get; init; }

    /// <summary>Resolves <c>${VAR}</c> in the file.</summary>
    public required Func<string, string?> Variables { get; init; }
}
