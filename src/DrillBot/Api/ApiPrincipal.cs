using DrillBot.Governance.Tokens;
using Microsoft.AspNetCore.Http;

namespace DrillBot.Api;

/// <summary>
/// Who called the API: a named token (<see cref="Name"/>, its scopes) or the shared <c>DRILLBOT_API_TOKEN</c> (name
/// <c>shared</c>, every scope). <see cref="Source"/> is what the audit log records (<c>api-token:NAME</c>).
/// </summary>
internal sealed record ApiPrincipal(string Name, IReadOnlyList<string> Scopes)
{
    public const string SharedName = "shared";

    private const string ItemKey = "drillbot.api.principal";

    public static ApiPrincipal Shared { get; } = new(SharedName, [ApiScopes.Admin]);

    public string Source => "api-token:" + Name;

    public bool Allows(string scope) => ApiScopes.Allows(Scopes, scope);

    public void Attach(HttpContext context) => context.Items[ItemKey] = this;

    /// <summary>The principal the auth filter attached (every <c>/api/*</c> route has one).</summary>
    public static ApiPrincipal Of(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) && value is ApiPrincipal principal ? principal : throw new InvalidOperationException("no API principal: the auth filter did not run");

    /// <summary>The name a request gives for who acts (<c>by</c> in a body, <c>X-DrillBot-By</c>), else the token's name (<c>api</c> for the shared token).</summary>
    public string Who(string? given) =>
        new string((given ?? string.Empty).Where(c => !char.IsControl(c)).Take(100).ToArray()).Trim() is { Length: > 0 } named ? named : Name == SharedName ? "api" : Name;
}
