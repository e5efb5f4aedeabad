using DrillBot.Configuration;
using DrillBot.Drills.Running;
using DrillBot.Governance.Approvals;
using DrillBot.Store.Approvals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DrillBot.Api;

/// <summary>
/// <c>POST /api/drills/{name}/approvals {"by", "overrideBlackout"}</c> (run): asks the drill's approvers (posted to Slack
/// with Approve/Reject); <c>GET /api/approvals/{id}</c> (read): its status and decisions. Once approved, run it with
/// <c>POST /api/drills/{name}/runs {"approvalId"}</c> before it expires.
/// </summary>
internal static class ApprovalEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/drills/{name}/approvals", RequestAsync).Runs();
        api.MapGet("/approvals/{id}", GetAsync).Reads();
    }

    public static object Document(ApprovalRequest request) => new
    {
        approvalId = request.ApprovalId,
        drill = request.Drill,
        status = request.Status.WireName(),
        requestedBy = request.RequestedBy,
        source = request.Source,
        required = request.Required,
        approvers = request.Approvers,
        approvals = request.Approvals,
        decisions = request.Decisions.Select(d => new { approver = d.ApproverId, name = d.ApproverName, decision = d.Approved ? "approve" : "reject", at = d.At.ToUniversalTime() }),
        overrideBlackout = request.OverrideReason,
        createdAt = request.CreatedAt.ToUniversalTime(),
        expiresAt = request.ExpiresAt.ToUniversalTime(),
        runId = request.RunId,
    };

    private static async Task<IResult> RequestAsync(string name, HttpContext context, ApprovalService approvals, DrillsConfigState config, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, new ApprovalBody(), "{\"by\": \"ci\", \"overrideBlackout\": null}", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (config.Current.FindDrill(name) is not { } drill)
        {
            return Problems.NotFound($"There is no drill '{name}'.", new Dictionary<string, object?> { ["knownDrills"] = config.Current.Drills.Select(d => d.Name).ToList() });
        }

        if (drill.Approval is null)
        {
            return Problems.Create(StatusCodes.Status409Conflict, "No approval needed", $"Drill {name} needs no approval: POST /api/drills/{name}/runs starts it.");
        }

        if (body.OverrideBlackout is { } reason && string.IsNullOrWhiteSpace(reason))
        {
            return Problems.BadRequest("overrideBlackout needs a reason (it is recorded in the report), e.g. {\"overrideBlackout\": \"hotfix verification\"}.");
        }

        var principal = ApiPrincipal.Of(context);
        var request = await approvals.RequestAsync(name, principal.Who(body.By), "token:" + principal.Name, principal.Source, autoStart: false, body.OverrideBlackout, cancellationToken);
        return Results.Json(Document(request!), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> GetAsync(string id, ApprovalService approvals, CancellationToken cancellationToken) =>
        await approvals.GetAsync(id, cancellationToken) is { } request
            ? Results.Json(Document(request))
            : Problems.NotFound($"There is no approval '{id}'.");

    private sealed record ApprovalBody(string? By = null, string? OverrideBlackout = null);
}
