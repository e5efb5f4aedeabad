using DrillBot.Drills.Cluster;

namespace DrillBot.Drills.Locking;

/// <summary>
/// Holds the drill lease in every touched cluster for one run: taken before preflight (an expired
/// lease is taken over; a live one refuses the run, naming its holder), renewed in the background,
/// released after restore.
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

    /// <summary>Takes every lease or none; the error names who holds the first one that is taken.</summary>
    public static async Task<(RunLock? Lock, string? Error)> AcquireAsync(IReadOnlyList<IClusterClient> clients, string ns, string holder, LockOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var runLock = new RunLock(ns, options, time);
        foreach (var client in clients.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var (lease, error) = await TakeAsync(client, ns, holder, options, time, cancellationToken);
            if (lease is null)
            {
                await runLock.DisposeAsync();
                return (null, error);
            }

            runLock._held.Add((client, lease));
        }

        runLock._renewal = runLock.RenewLoopAsync();
        return (runLock, null);
    }

    private static async Task<(LeaseState? Lease, string? Error)> TakeAsync(IClusterClient client, string ns, string holder, LockOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var mine = new LeaseState(options.LeaseName, holder, now, options.LeaseDuration, null);
        var current = await client.GetLeaseAsync(ns, options.LeaseName, cancellationToken);
        if (!current.Ok)
        {
            return (null, current.Error!.Message);
        }

        ClusterResult<LeaseState> taken;
        if (current.Value is null)
        {
            taken = await client.CreateLeaseAsync(ns, mine, cancellationToken);
        }
        else if (current.Value.IsFree(now) || current.Value.Holder == holder)
        {
            taken = await client.UpdateLeaseAsync(ns, mine with { ResourceVersion = current.Value.ResourceVersion }, cancellationToken);
        }
        else
        {
            var ago = now - current.Value.RenewTime!.Value;
            return (null, $"cluster {client.Name} is locked by {current.Value.Holder} (Lease {ns}/{options.LeaseName}, renewed {ago.TotalSeconds:0.#}s ago, valid for {current.Value.Duration.TotalSeconds:0}s)");
        }

        return taken.Ok ? (taken.Value, null)
            : taken.Error!.Kind == ClusterErrorKind.Conflict ? (null, $"cluster {client.Name}: another drill took Lease {ns}/{options.LeaseName} at the same moment")
            : (null, taken.Error.Message);
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
