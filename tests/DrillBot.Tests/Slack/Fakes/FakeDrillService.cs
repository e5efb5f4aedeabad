using System.Collections.Concurrent;
using DrillBot.Slack.BlockKit;
using DrillBot.Slack.Handling;

namespace DrillBot.Tests.Slack.Fakes;

/// <summary>A scripted <see cref="ISlackDrillService"/> that records what it was asked.</summary>
public sealed class FakeDrillService : ISlackDrillService
{
    public ConcurrentQueue<SlackStartRequest> Starts { get; } = new();

    public ConcurrentQueue<(string? RunId, string By)> Aborts { get; } = new();

    public Func<SlackStartRequest, SlackStartResult> OnStart { get; set; } = r => new SlackStartResult.Started("run-" + r.Drill);

    public Func<string?, SlackAbortResult> OnAbort { get; set; } = id => new SlackAbortResult.Aborting(id ?? "run-1", "reviews-failover");

    /// <summary>When set, every call waits for it (a slow engine or store).</summary>
    public Task? Gate { get; set; }

    public bool Throw { get; set; }

    public async Task<IReadOnlyList<SlackDrillInfo>> ListDrillsAsync(CancellationToken cancellationToken)
    {
        await WaitAsync();
        return [new SlackDrillInfo("reviews-failover", "Lose reviews", "0 0 3 ? * TUE", null, false)];
    }

    public async Task<SlackStartResult> StartRunAsync(SlackStartRequest request, CancellationToken cancellationToken)
    {
        await WaitAsync();
        Starts.Enqueue(request);
        return OnStart(request);
    }

    public async Task<SlackAbortResult> AbortRunAsync(string? runId, string requestedBy, CancellationToken cancellationToken)
    {
        await WaitAsync();
        Aborts.Enqueue((runId, requestedBy));
        return OnAbort(runId);
    }

    public async Task<IReadOnlyList<SlackRunView>> GetActiveRunsAsync(CancellationToken cancellationToken)
    {
        await WaitAsync();
        return [];
    }

    public async Task<IReadOnlyList<SlackRunView>> GetHistoryAsync(string? drill, int max, CancellationToken cancellationToken)
    {
        await WaitAsync();
        return [new SlackRunView { Drill = drill ?? "reviews-failover", RunId = "old-1", Verdict = "passed" }];
    }

    private async Task WaitAsync()
    {
        if (Gate is { } gate)
        {
            await gate;
        }

        if (Throw)
        {
            throw new InvalidOperationException("engine exploded");
        }
    }
}
