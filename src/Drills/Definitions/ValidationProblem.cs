namespace DrillBot.Drills.Definitions;

/// <summary>One problem found in a drills file, with the place it was found.</summary>
public sealed record ValidationProblem(SourceLocation Location, string Message)
{
    /// <summary><c>file:line:column: message</c>.</summary>
    public override string ToString() => $"{Location}: {Message}";
}
