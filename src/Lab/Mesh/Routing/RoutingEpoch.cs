namespace DrillBot.Lab.Mesh;

/// <summary>The period between two routing changes: remembers which regions have served their first response.</summary>
internal sealed class RoutingEpoch(int regions)
{
    private readonly int[] _served = new int[Math.Max(1, regions)];

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _faultsSeen = new(StringComparer.Ordinal);

    /// <summary>True exactly once per fault source (VirtualService/EnvoyFilter and pod) and epoch.</summary>
    public bool TryMarkFault(string key) => !_faultsSeen.ContainsKey(key) && _faultsSeen.TryAdd(key, true);

    /// <summary>True exactly once per region and epoch.</summary>
    public bool TryMarkFirst(int region) =>
        Volatile.Read(ref _served[region]) == 0 && Interlocked.CompareExchange(ref _served[region], 1, 0) == 0;
}
