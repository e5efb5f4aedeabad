namespace DrillBot.Drills.Probing;

/// <summary>What one request produced: a status and body, or the kind of error (<c>timeout</c>, <c>connection</c>).</summary>
public sealed record ProbeResponse(int? Status, string? Body, string? ErrorKind)
{
    public static ProbeResponse Error(string kind) => new(null, null, kind);
}
