using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Locking;
using Microsoft.Extensions.Logging;

namespace DrillBot.Drills.Running;

/// <summary>
/// What is fixed when a run starts: its id, the configuration and drill definition, who triggered it, and the engine's
/// options. Built once by <see cref="DrillEngine.Start"/>; never changes during the run.
/// </summary>
internal sealed record RunSetup(string RunId, DrillsConfig Config, DrillDefinition Drill, RunTrigger Trigger, DrillEngineOptions Options, ILogger Logger)
{
    public TimeProvider Time => Options.TimeProvider;

    public IJournal Journal => Options.Journal;

    /// <summary>Who holds the drill leases while this run lives: <c>"{owner} run {runId}"</c>.</summary>
    public LeaseHolder Holder => LeaseHolder.ForRun(Options.Owner, RunId);

    /// <summary>The test hook (<see cref="DrillEngineOptions.Checkpoint"/>); nothing when unset.</summary>
    public ValueTask CheckpointAsync(string point) => Options.Checkpoint?.Invoke(point) ?? ValueTask.CompletedTask;
}
