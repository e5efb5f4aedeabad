using DrillBot.Drills.Definitions;
using DrillBot.Drills.Restore;

namespace DrillBot.Drills.Running;

/// <summary>
/// The engine's front door for the CLI and the service: start runs, plan dry runs, restore what
/// interrupted runs left behind. Thread-safe; one engine per process is enough.
/// </summary>
public sealed class DrillEngine(DrillEngineOptions options)
{
    public DrillEngineOptions Options { get; } = options;

    /// <summary>A new run id: UTC time plus random suffix, sortable, safe as a file name.</summary>
    public string NewRunId() => $"{Options.TimeProvider.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Starts a run in the background and returns at once. The run always ends with restore.</summary>
    public DrillRun Start(DrillsConfig config, DrillDefinition drill, RunTrigger trigger, IEnumerable<IDrillObserver>? observers = null, string? runId = null)
    {
        var logger = Options.LoggerFactory.CreateLogger("DrillBot.Drills");
        var context = new RunContext(new RunSetup(runId ?? NewRunId(), config, drill, trigger, Options, logger), observers?.ToList() ?? []);
        var abort = new CancellationTokenSource();
        var runner = new DrillRunner(context, abort.Token);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var completion = Task.Run(async () =>
        {
            await started.Task;
            try
            {
                return await runner.RunAsync();
            }
            finally
            {
                abort.Dispose();
            }
        });
        var run = new DrillRun(context, abort, completion);
        started.SetResult();
        return run;
    }

    /// <summary>Reads the clusters and returns what the drill would change, with before/after and restore; changes nothing.</summary>
    public Task<DrillPlan> PlanAsync(DrillsConfig config, DrillDefinition drill, CancellationToken cancellationToken) =>
        DrillPlanner.PlanAsync(config, drill, Options, cancellationToken);

    /// <summary>The restore service over the same journal and clusters.</summary>
    public RestoreService CreateRestoreService(DrillsConfig config) => new(config, Options);
}
