using System.Text.Json;
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
    private const int MaxBodyBytes = 16 * 1024;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/drills", ListAsync);
        api.MapPost("/drills/{name}/runs", StartAsync);
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

    private static async Task<IResult> StartAsync(string name, HttpRequest request, RunCoordinator coordinator, ReportLinks links, DrillsConfigState config, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadBodyAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var linkBase = RequestBase.Of(request);
        var by = new string((body.By ?? string.Empty).Where(c => !char.IsControl(c)).Take(100).ToArray()).Trim() is { Length: > 0 } named ? named : "api";
        if (body.OverrideBlackout is { } reason && string.IsNullOrWhiteSpace(reason))
        {
            return Problems.BadRequest("overrideBlackout needs a reason (it is recorded in the report), e.g. {\"overrideBlackout\": \"hotfix verification\"}.");
        }

        if (body.Control && config.Current.FindDrill(name) is { } drill && (drill.Control ?? Drills.Definitions.ControlDefinition.DefaultFor(drill)).ProblemWith(drill) is { } noControl)
        {
            return Problems.BadRequest($"control: drill '{name}' cannot have a control run: {noControl}.");
        }

        var trigger = new RunTrigger(TriggerKind.Api, by) { OverrideBlackoutReason = body.OverrideBlackout?.Trim() };
        var outcome = await coordinator.StartAsync(new RunRequest(name, trigger, body.DryRun, LinkBase: linkBase) { Control = body.Control }, cancellationToken);
        return outcome switch
        {
            StartOutcome.Started s => Results.Json(
                new { runId = s.RunId, drill = s.Drill, status = "running", links = new { self = $"/api/runs/{s.RunId}", report = links.For(s.RunId, linkBase) } },
                statusCode: StatusCodes.Status202Accepted),
            StartOutcome.Planned p => Results.Json(new { drill = p.Plan.Drill, dryRun = true, canRun = p.Plan.CanRun, plan = PlanText.Render(p.Plan), changes = p.Plan.Changes, notes = p.Plan.Notes }),
            StartOutcome.Busy b => Problems.Create(StatusCodes.Status409Conflict, "Busy", $"Not started: {b.RunningDrill} is running ({b.Detail}). One drill at a time per target.", new Dictionary<string, object?> { ["runningDrill"] = b.RunningDrill, ["runId"] = b.RunId }),
            StartOutcome.Blackout w => Problems.Create(StatusCodes.Status423Locked, "Blackout", $"refused: blackout {w.Window} {w.UntilText}; to run anyway: {BlackoutRefusal.ApiField}", new Dictionary<string, object?> { ["blackout"] = w.Window, ["until"] = w.Until }),
            StartOutcome.UnknownDrill u => Problems.NotFound($"There is no drill '{u.Drill}'.", new Dictionary<string, object?> { ["knownDrills"] = u.Known }),
            StartOutcome.Refused r => Problems.Create(StatusCodes.Status503ServiceUnavailable, "Not started", r.Reason),
            _ => Problems.Create(StatusCodes.Status500InternalServerError, "Unexpected", "unexpected outcome"),
        };
    }

    /// <summary>The optional body <c>{"dryRun": bool, "by": "who", "overrideBlackout": "why", "control": bool}</c>; an empty body is fine.</summary>
    private static async Task<(StartBody Body, IResult? Problem)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var text = await BoundedBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (text is null)
        {
            return (new StartBody(), Problems.Create(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body may be at most {MaxBodyBytes} bytes."));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return (new StartBody(), null);
        }

        if (!request.HasJsonContentType())
        {
            return (new StartBody(), Problems.Create(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"Expected application/json, got '{request.ContentType}'."));
        }

        try
        {
            var body = JsonSerializer.Deserialize<StartBody>(text, new JsonSerializerOptions(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow });
            return body is null ? (new StartBody(), Problems.BadRequest("The body must be a JSON object such as {\"dryRun\": true}.")) : (body, null);
        }
        catch (JsonException e)
        {
            return (new StartBody(), Problems.BadRequest($"The body is not valid: {e.Message} (expected {{\"dryRun\": true, \"by\": \"ci\"}})."));
        }
    }

    private sealed record StartBody(bool DryRun = false, string? By = null, string? OverrideBlackout = null, bool Control = false);
}
