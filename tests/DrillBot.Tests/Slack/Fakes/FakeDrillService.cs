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

    public ConcurrentQueue<(string ApprovalId, string UserId, bool Approve)> Decisions { get; } = new();

    public ConcurrentQueue<(string UserId, string? Reason)> Freezes { get; } = new();

    public Func<string, SlackOverrideCheck> OnCheckOverride { get; set; } = d => new SlackOverrideCheck.Blackout(d, "weekend", "until 23:59 UTC (23:59 UTC)");

    public Func<string, string, bool, SlackDecisionResult> OnDecide { get; set; } = (_, _, _) => new SlackDecisionResult.Recorded("reviews-failover", 1, 2);

    public async Task<SlackOverrideCheck> CheckOverrideAsync(string drill, CancellationToken cancellationToken)
    {
        await WaitAsync();
        return OnCheckOverride(drill);
    }

    public async Task<SlackFreezeResult> FreezeAsync(string userId, string userName, string reason, CancellationToken cancellationToken)
    {
        await WaitAsync();
        Freezes.Enqueue((userId, reason));
        return new SlackFreezeResult(true, true, "@" + userName, reason, DateTimeOffset.UnixEpoch);
    }

    public async Task<SlackFreezeResult> UnfreezeAsync(string userId, string userName, CancellationToken cancellationToken)
    {
        await WaitAsync();
        Freezes.Enqueue((userId, null));
        return new SlackFreezeResult(true, false, "@" + userName, null, DateTimeOffset.UnixEpoch);
    }

    public Task<SlackFreezeResult?> GetFreezeAsync(CancellationToken cancellationToken) => Task.FromResult<SlackFreezeResult?>(null);

    public Task<IReadOnlyList<SlackApprovalView>> GetPendingApprovalsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<SlackApprovalView>>([]);

    public async Task<SlackDecisionResult> DecideApprovalAsync(string approvalId, string userId, string userName, bool approve, CancellationToken cancellationToken)
    {
        await WaitAsync();
        Decisions.Enqueue((approvalId, userId, approve));
        return OnDecide(approvalId, userId, approve);
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
