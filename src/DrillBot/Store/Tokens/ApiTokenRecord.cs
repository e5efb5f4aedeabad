namespace DrillBot.Store.Tokens;

/// <summary>A named API token as stored: never the token itself, only its SHA-256 hash (hex) and its scopes.</summary>
public sealed record ApiTokenRecord(string Name, string TokenHash, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, string CreatedBy)
{
    public DateTimeOffset? RevokedAt { get; init; }

    public string? RevokedBy { get; init; }

    public bool Revoked => RevokedAt is not null;
}
