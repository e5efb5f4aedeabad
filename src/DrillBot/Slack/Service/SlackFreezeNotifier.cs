using System.Globalization;
using DrillBot.Governance.Freeze;
using DrillBot.Slack.BlockKit;
using DrillBot.Slack.Handling;
using DrillBot.Slack.Outbox;
using DrillBot.Store.Freeze;
using DrillBot.Store.Runs;

namespace DrillBot.Slack.Service;

/// <summary>A freeze and its lifting announced in the run channel (once each, keyed by when it happened).</summary>
internal sealed class SlackFreezeNotifier(SlackOutbox outbox) : IFreezeNotifier
{
    public Task FrozenAsync(FreezeState state, IReadOnlyList<RunSummary> stopping, CancellationToken cancellationToken) =>
        outbox.AnnounceAsync(
            "freeze/" + Ticks(state.Since),
            GovernanceReplies.FreezeAnnouncement(new SlackFreezeResult(true, true, state.By, state.Reason, state.Since) { Stopping = stopping.Select(r => r.RunId).ToList() }),
            cancellationToken);

    public Task UnfrozenAsync(FreezeState state, CancellationToken cancellationToken) =>
        outbox.AnnounceAsync("unfreeze/" + Ticks(state.LiftedAt), GovernanceReplies.FreezeAnnouncement(new SlackFreezeResult(true, false, state.LiftedBy, null, state.LiftedAt)), cancellationToken);

    private static string Ticks(DateTimeOffset? at) => (at ?? DateTimeOffset.MinValue).UtcTicks.ToString(CultureInfo.InvariantCulture);
}
