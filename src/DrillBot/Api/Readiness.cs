using DrillBot.Configuration;
using DrillBot.Scheduling;
using DrillBot.Store;
using Microsoft.AspNetCore.Http;

namespace DrillBot.Api;

/// <summary>
/// <c>/readyz</c>: ready when the configuration in force is the file on disk (a refused reload makes
/// it not ready, with every problem in the detail), the store answers (within 2 s), and the
/// scheduler runs. 200 or 503, with JSON detail either way. <c>/healthz</c> only says the process lives.
/// </summary>
internal sealed class Readiness(DrillsConfigState config, IDrillBotStore store, DrillScheduler scheduler, ApiOptions options)
{
    private static readonly TimeSpan StoreBudget = TimeSpan.FromSeconds(2);

    public IResult Health() => Results.Json(new { status = "alive", instance = options.InstanceId });

    public async Task<IResult> ReadyAsync(CancellationToken cancellationToken)
    {
        var storeProblem = await CheckStoreAsync(cancellationToken);
        var configOk = config.ReloadProblems.Count == 0;
        var ready = configOk && storeProblem is null && scheduler.IsRunning;
        var detail = new
        {
            status = ready ? "ready" : "not ready",
            instance = options.InstanceId,
            checks = new
            {
                config = new
                {
                    ok = configOk,
                    file = config.Path,
                    loadedAt = config.LoadedAt,
                    drills = config.Current.Drills.Count,
                    problems = config.ReloadProblems,
                    note = configOk ? null : "the changed file was refused; the previous configuration keeps running",
                },
                store = new { ok = storeProblem is null, engine = options.Store.Engine.ToString(), location = options.Store.Display, problem = storeProblem },
                scheduler = new { ok = scheduler.IsRunning, problem = scheduler.Problem },
            },
        };
        return Results.Json(detail, statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private async Task<string?> CheckStoreAsync(CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(StoreBudget);
        try
        {
            return await store.CheckAsync(budget.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"the store did not answer within {StoreBudget.TotalSeconds:0}s";
        }
    }
}
