namespace DrillBot.Store.Tokens;

/// <summary>Named API tokens (<c>drillbot_api_tokens</c>): created once, revoked (never deleted), looked up by hash.</summary>
public interface IApiTokenStore
{
    /// <summary>Stores a new token; false when the name is taken (also by a revoked token: names are never reused).</summary>
    Task<bool> CreateAsync(ApiTokenRecord token, CancellationToken cancellationToken);

    /// <summary>The token with this hash, revoked or not; null when unknown.</summary>
    Task<ApiTokenRecord?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>Every token, oldest first.</summary>
    Task<IReadOnlyList<ApiTokenRecord>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Revokes a live token; false when there is none of that name (or it is revoked already).</summary>
    Task<bool> RevokeAsync(string name, string by, DateTimeOffset at, CancellationToken cancellationToken);
}
