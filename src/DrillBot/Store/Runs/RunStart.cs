using DrillBot.Drills.Running;
namespace DrillBot.Store.Runs;

/// <summary>A run as it starts. <paramref name="OwnerInstance"/> is the service instance running it.</summary>
public sealed record RunStart(string RunId, string Drill, RunTrigger Trigger, DateTimeOffset StartedAt, string OwnerInstance);
