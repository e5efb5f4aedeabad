using DrillBot.Governance.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DrillBot.Api;

/// <summary><c>.Needs(ApiScopes.Run)</c> on a route: the caller's token must have the scope (docs/service.md, "API tokens").</summary>
internal static class ScopeRequirement
{
    public static RouteHandlerBuilder Needs(this RouteHandlerBuilder route, params string[] scopes) =>
        route.AddEndpointFilterFactory((factory, next) => factory.ApplicationServices.GetRequiredService<ApiAuth>().Require(next, scopes));

    public static RouteHandlerBuilder Reads(this RouteHandlerBuilder route) => route.Needs(ApiScopes.Read);

    public static RouteHandlerBuilder Runs(this RouteHandlerBuilder route) => route.Needs(ApiScopes.Run);
}
