namespace DrillBot.Lab.Api;

/// <summary>A patch that cannot be applied (answered 422, or 400 when <see cref="Malformed"/>).</summary>
internal sealed class PatchException(string message, bool malformed = false) : Exception(message)
{
    public bool Malformed { get; } = malformed;
}
