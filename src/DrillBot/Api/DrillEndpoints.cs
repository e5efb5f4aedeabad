using DrillBot.Configuration;
using DrillBot.Drills.Running;
using DrillBot.Drills.Scheduling;
using DrillBot.Runs;
using DrillBot.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DrillBot.Api;

/// <summary><c>GET /api/drills</c> and <c>POST /api/drills/{name}/runs</c> (202 + runId; 200 plan for a dry run; 404; 409; 423; 503).</summary>
internal static class DrillEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/drills", ListAsync).Reads();
        api.MapPost("/drills/{name}/runs", StartAsync).Runs();
    }

    private static async Task<IResult> ListAsync(DrillsConfigState config, ActiveRuns active, IDrillBotStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var running = await store.Runs.ListRunningAsync(cancellationToken);
        var now = time.GetUtcNow();
        var drills = config.Current.Drills.Select(d => RunDocuments.Drill(
            d,
            now,
            active.All().FirstOrDefault(r => r.Drill.Name == d.Name),
            running.FirstOrDefault(r => r.Drill == d.Name))).ToList();
        return Results.Json(new { drills });
    }

    private static async Task<IResult> StartAsync(string name, HttpContext context, RunCoordinator coordinator, ReportLinks links, DrillsConfigState config, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var principal = ApiPrincipal.Of(context);
        var (body, problem) = await JsonBody.ReadAsync(request, new StartBody(), "{\"dryRun\": true, \"by\": \"ci\"}", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var linkBase = RequestBase.Of(request);
        var by = principal.Who(body.By);
        if (body.OverrideBlackout is { } reason && string.IsNullOrWhiteSpace(reason))
        {
            return Problems.BadRequest("overrideBlackout needs a reason (it is recorded in the report), e.g. {\"overrideBlackout\": \"hotfix verification\"}.");
        }

        if (body.Control && config.Current.FindDrill(name) is { } drill && (drill.Control ?? Drills.Definitions.ControlDefinition.DefaultFor(drill)).ProblemWith(drill) is { } noControl)
        {
            return Problems.BadRequest($"control: drill '{name}' cannot have a control run: {noControl}.");
        }

        var trigger = new RunTrigger(TriggerKind.Api, by) { OverrideBlackoutReason = body.OverrideBlackout?.Trim() };
        var approvalId = string.IsNullOrWhiteSpace(body.ApprovalId) ? null : body.ApprovalId.Trim();
        var outcome = await coordinator.StartAsync(new RunRequest(name, trigger, body.DryRun, LinkBase: linkBase) { Source = principal.Source, ApprovalId = approvalId, Control = body.Control }, cancellationToken);
        return outcome switch
        {
            StartOutcome.Started s => Results.Json(
                new { runId = s.RunId, drill = s.Drill, status = "running", links = new { self = $"/api/runs/{s.RunId}", report = links.For(s.RunId, linkBase) } },
                statusCode: StatusCodes.Status202Accepted),
            StartOutcome.Planned p => Results.Json(new { drill = p.Plan.Drill, dryRun = true, canRun = p.Plan.CanRun, plan = PlanText.Render(p.Plan), changes = p.Plan.Changes, notes = p.Plan.Notes }),
            StartOutcome.Busy b => Problems.Create(StatusCodes.Status409Conflict, "Busy", $"Not started: {b.RunningDrill} is running ({b.Detail}). One drill at a time per target.", new Dictionary<string, object?> { ["runningDrill"] = b.RunningDrill, ["runId"] = b.RunId }),
            StartOutcome.Blackout w => Problems.Create(StatusCodes.Status423Locked, "Blackout", $"refused: blackout {w.Window} {w.UntilText}; to run anyway: {BlackoutRefusal.ApiField}", new Dictionary<string, object?> { ["blackout"] = w.Window, ["until"] = w.Until }),
            StartOutcome.UnknownDrill u => Problems.NotFound($"There is no drill '{u.Drill}'.", new Dictionary<string, object?> { ["knownDrills"] = u.Known }),
            StartOutcome.Frozen f => Problems.Create(StatusCodes.Status423Locked, "Frozen", $"refused: DrillBot is frozen by {f.By}: {f.Reason}; nothing starts until POST /api/unfreeze (or /drill unfreeze).", new Dictionary<string, object?> { ["frozenBy"] = f.By, ["reason"] = f.Reason, ["since"] = f.Since }),
            StartOutcome.NeedsApproval a => Problems.Create(StatusCodes.Status403Forbidden, "Approval required", $"refused: drill {a.Drill} cannot start: {a.Reason}.", new Dictionary<string, object?> { ["approvalId"] = approvalId }),
            StartOutcome.Refused r => Problems.Create(StatusCodes.Status503ServiceUnavailable, "Not started", r.Reason),
            _ => Problems.Create(StatusCodes.Status500InternalServerError, "Unexpected", "unexpected outcome"),
        };
    }

    /// <summary>The optional body <c>{"dryRun": bool, "by": "who", "overrideBlackout": "why", "approvalId": "apr-…", "control": bool}</c>; an empty body is fine.</summary>
    private sealed record StartBody(bool DryRun = false, string? By = null, string? OverrideBlackout = null, string? ApprovalId = null, bool Control = false);
}
