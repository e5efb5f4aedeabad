using DrillBot.Drills.Definitions;

namespace DrillBot.Runs;

/// <summary>Gives each started run a sink of its own (Slack registers one); <see cref="RunLauncher"/> asks every registered source.</summary>
internal interface IRunSinkSource
{
    IRunSink Create(DrillDefinition drill, RunRequest request, string runId);
}
