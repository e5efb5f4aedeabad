using DrillBot.Slack.Handling;
using DrillBot.Store;

namespace DrillBot.Slack.Service;

/// <summary>The Slack layer's dedupe over the store: durable and shared by every replica, so a redelivered request never starts a second drill.</summary>
internal sealed class StoreDeliveryDedupe(IDrillBotStore store) : ISlackDeliveryDedupe
{
    /// <summary>Slack retries within minutes; an hour is plenty.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    public Task<bool> TryBeginAsync(string key, CancellationToken cancellationToken) =>
        store.Dedupe.TryRememberAsync(key, Retention, cancellationToken);
}
