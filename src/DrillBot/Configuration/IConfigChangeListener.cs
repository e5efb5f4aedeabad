using DrillBot.Drills.Definitions;

namespace DrillBot.Configuration;

/// <summary>Told when a reloaded drills.yaml was accepted (the scheduler reschedules, metrics declare new drills).</summary>
internal interface IConfigChangeListener
{
    Task OnConfigChangedAsync(DrillsConfig config, CancellationToken cancellationToken);
}
