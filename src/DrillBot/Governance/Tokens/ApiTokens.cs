using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DrillBot.Governance.Audit;
using DrillBot.Store;
using DrillBot.Store.Tokens;

namespace DrillBot.Governance.Tokens;

/// <summary>
/// Named API tokens: <c>dbt_</c> + 32 random bytes (hex), shown once at creation; the store keeps only the SHA-256 of
/// the token (a random 256-bit secret needs no slow hash: there is nothing to guess). Creating and revoking are audited.
/// </summary>
internal static partial class ApiTokens
{
    public const string Prefix = "dbt_";

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    public static string NameRule => "1-63 characters: lower-case letters, digits, '.', '_', '-' (starting with a letter or digit)";

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Creates a token; returns the secret (shown once) or null when the name is taken.</summary>
    public static async Task<string?> CreateAsync(IDrillBotStore store, string name, IReadOnlyList<string> scopes, string by, string source, TimeProvider time, CancellationToken cancellationToken)
    {
        var token = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        if (!await store.Tokens.CreateAsync(new ApiTokenRecord(name, Hash(token), scopes, time.GetUtcNow(), by), cancellationToken))
        {
            return null;
        }

        var detail = new JsonObject { ["name"] = name, ["scopes"] = new JsonArray([.. scopes.Select(s => (JsonNode?)JsonValue.Create(s))]) };
        await store.Audit.AppendAsync(AuditLog.Entry(by, source, AuditActions.TokenCreated, detail), cancellationToken);
        return token;
    }

    public static async Task<bool> RevokeAsync(IDrillBotStore store, string name, string by, string source, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await store.Tokens.RevokeAsync(name, by, time.GetUtcNow(), cancellationToken))
        {
            return false;
        }

        await store.Audit.AppendAsync(AuditLog.Entry(by, source, AuditActions.TokenRevoked, new JsonObject { ["name"] = name }), cancellationToken);
        return true;
    }
}
