namespace DrillBot.Drills.Definitions;

/// <summary>Where something was written: file, 1-based line and column.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary>A location for definitions built in code rather than read from a file.</summary>
    public static SourceLocation None { get; } = new("<code>", 0, 0);

    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}
