using DrillBot.Drills.Cluster;

namespace DrillBot.Drills.Locking;

/// <summary>
/// Holds the drill lease in every touched cluster for one run (or one restore): taken before preflight (a
/// lease whose holder is no longer at work — expired, or a dead process on this machine — is taken over;
/// a live one refuses the run, naming its holder), renewed in the background, released after restore.
/// </summary>
internal sealed class RunLock : IAsyncDisposable
{
    private readonly List<(IClusterClient Client, LeaseState Lease)> _held = [];
    private readonly string _namespace;
    private readonly LockOptions _options;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private Task _renewal = Task.CompletedTask;

    private RunLock(string ns, LockOptions options, TimeProvider time)
    {
        _namespace = ns;
        _options = options;
        _time = time;
    }

    public string? LostMessage { get; private set; }

    /// <summary>Leases taken from holders that were no longer at work.</summary>
    public List<TakenOverLease> TakenOver { get; } = [];

    /// <summary>Best effort only: clusters whose lease was not taken.</summary>
    public List<SkippedLease> Skipped { get; } = [];

    /// <summary>Takes every lease or none (best effort: as many as it can); the error names who holds the first one that is taken.</summary>
    public static async Task<(RunLock? Lock, string? Error)> AcquireAsync(IReadOnlyList<IClusterClient> clients, string ns, LockRequest request, CancellationToken cancellationToken)
    {
        var runLock = new RunLock(ns, request.Options, request.Time);
        foreach (var client in clients.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var (lease, error, holder) = await runLock.TakeAsync(client, request, cancellationToken);
            if (lease is not null)
            {
                runLock._held.Add((client, lease));
                continue;
            }

            if (request.BestEffort)
            {
                runLock.Skipped.Add(new SkippedLease(client.Name, holder, error!));
                continue;
            }

            await runLock.DisposeAsync();
            return (null, error);
        }

        runLock._renewal = runLock.RenewLoopAsync();
        return (runLock, null);
    }

    private async Task<(LeaseState? Lease, string? Error, string? Holder)> TakeAsync(IClusterClient client, LockRequest request, CancellationToken cancellationToken)
    {
        var ns = _namespace;
        var name = request.Options.LeaseName;
        var now = request.Time.GetUtcNow();
        var holder = request.Holder.ToString();
        var mine = new LeaseState(name, holder, now, request.Options.LeaseDuration, null);
        var current = await client.GetLeaseAsync(ns, name, cancellationToken);
        if (!current.Ok)
        {
            return (null, current.Error!.Message, null);
        }

        ClusterResult<LeaseState> taken;
        if (current.Value is not { } lease)
        {
            taken = await client.CreateLeaseAsync(ns, mine, cancellationToken);
        }
        else
        {
            var (atWork, reason) = lease.Holder == holder ? (false, null) : request.Liveness.Judge(lease, now);
            if (atWork && request.AlsoTakeOver?.Invoke(lease) == true)
            {
                (atWork, reason) = (false, "the restore takes over the lease of the run it restores");
            }

            if (atWork)
            {
                // renewed after our clock was read (a holder that took it a moment ago, or a clock ahead of ours): "0s ago", not negative
                var ago = TimeSpan.FromTicks(Math.Max(0, (now - lease.RenewTime!.Value).Ticks));
                return (null, $"cluster {client.Name} is locked by {lease.Holder} (Lease {ns}/{name}, renewed {ago.TotalSeconds:0.#}s ago, valid for {lease.Duration.TotalSeconds:0}s)", lease.Holder);
            }

            taken = await client.UpdateLeaseAsync(ns, mine with { ResourceVersion = lease.ResourceVersion }, cancellationToken);
            if (taken.Ok && reason is not null && !string.IsNullOrEmpty(lease.Holder))
            {
                TakenOver.Add(new TakenOverLease(client.Name, lease.Holder, reason));
            }
        }

        return taken.Ok ? (taken.Value, null, null)
            : taken.Error!.Kind == ClusterErrorKind.Conflict ? await LostRaceAsync(client, ns, name, cancellationToken)
            : (null, taken.Error.Message, null);
    }

    /// <summary>Someone took the lease between our read and our write: names who, when the lease can be read again.</summary>
    private static async Task<(LeaseState? Lease, string? Error, string? Holder)> LostRaceAsync(IClusterClient client, string ns, string name, CancellationToken cancellationToken)
    {
        var winner = await client.GetLeaseAsync(ns, name, cancellationToken);
        var holder = winner.Ok && !string.IsNullOrEmpty(winner.Value?.Holder) ? winner.Value.Holder : null;
        return holder is null
            ? (null, $"cluster {client.Name}: another drill took Lease {ns}/{name} at the same moment", null)
            : (null, $"cluster {client.Name} is locked by {holder} (Lease {ns}/{name}, taken at the same moment as this run asked for it)", holder);
    }

    private async Task RenewLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.RenewEvery, _time, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            for (var i = 0; i < _held.Count; i++)
            {
                var (client, lease) = _held[i];
                var renewed = await client.UpdateLeaseAsync(_namespace, lease with { RenewTime = _time.GetUtcNow() }, CancellationToken.None);
                if (renewed.Ok)
                {
                    _held[i] = (client, renewed.Value!);
                }
                else if (renewed.Error!.Kind == ClusterErrorKind.Conflict)
                {
                    LostMessage = $"cluster {client.Name}: the drill lease was taken by someone else";
                }
            }
        }
    }

    /// <summary>Stops renewing and frees every lease still held by this run.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewal;
        foreach (var (client, lease) in _held)
        {
            await client.UpdateLeaseAsync(_namespace, lease with { Holder = null, RenewTime = null }, CancellationToken.None);
        }

        _held.Clear();
        _stop.Dispose();
    }
}
