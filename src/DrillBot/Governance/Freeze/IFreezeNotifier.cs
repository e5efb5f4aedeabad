using DrillBot.Store.Freeze;
using DrillBot.Store.Runs;

namespace DrillBot.Governance.Freeze;

/// <summary>Told when the freeze changes on this replica's request (Slack posts it in the run channel).</summary>
internal interface IFreezeNotifier
{
    Task FrozenAsync(FreezeState state, IReadOnlyList<RunSummary> stopping, CancellationToken cancellationToken);

    Task UnfrozenAsync(FreezeState state, CancellationToken cancellationToken);
}
