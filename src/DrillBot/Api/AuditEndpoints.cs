using System.Globalization;
using System.Text.Json.Nodes;
using DrillBot.Governance.Audit;
using DrillBot.Store;
using DrillBot.Store.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DrillBot.Api;

/// <summary>
/// <c>GET /api/audit?since=&amp;drill=&amp;limit=</c> and <c>GET /api/audit/verify</c> (scope read). There is no route that
/// changes or deletes the audit log: other methods on these paths answer 405.
/// </summary>
internal static class AuditEndpoints
{
    private const int MaxListed = 1000;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/audit", ListAsync).Reads();
        api.MapGet("/audit/verify", VerifyAsync).Reads();
        api.MapMethods("/audit", ["DELETE", "PUT", "PATCH", "POST"], NotAllowed);
        api.MapMethods("/audit/{**rest}", ["DELETE", "PUT", "PATCH", "POST"], NotAllowed);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, IDrillBotStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var limitText = request.Query["limit"].FirstOrDefault();
        var limit = 100;
        if (limitText is not null && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxListed))
        {
            return Problems.BadRequest($"limit must be a whole number from 1 to {MaxListed}, got '{limitText}'.");
        }

        DateTimeOffset? since = null;
        if (request.Query["since"].FirstOrDefault() is { Length: > 0 } sinceText)
        {
            if (AuditSince.Parse(sinceText, time.GetUtcNow()) is not { } parsed)
            {
                return Problems.BadRequest($"since must be a time such as 2025-03-04T03:00:00Z or an age such as 24h, 7d, got '{sinceText}'.");
            }

            since = parsed;
        }

        var drill = request.Query["drill"].FirstOrDefault() is { Length: > 0 } d ? d : null;
        var records = await store.Audit.ListAsync(new AuditQuery(since, drill, limit), cancellationToken);
        return Results.Json(new JsonObject { ["events"] = new JsonArray([.. records.Select(r => (JsonNode?)AuditDocuments.Of(r))]) });
    }

    private static async Task<IResult> VerifyAsync(IDrillBotStore store, CancellationToken cancellationToken)
    {
        return Results.Json(AuditDocuments.Verification(await store.Audit.VerifyAsync(cancellationToken)));
    }

    private static IResult NotAllowed() =>
        Problems.Create(StatusCodes.Status405MethodNotAllowed, "Method not allowed", "The audit log is append-only: nothing changes or deletes it through the API.");
}
