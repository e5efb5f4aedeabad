namespace DrillBot.Lab.Mesh;

/// <summary>The period between two routing changes: remembers which regions have served their first response.</summary>
internal sealed class RoutingEpoch(int regions)
{
    private readonly int[] _served = new int[Math.Max(1, regions)];

    /// <summary>True exactly once per region and epoch.</summary>
    public bool TryMarkFirst(int region) =>
        Volatile.Read(ref _served[region]) == 0 && Interlocked.CompareExchange(ref _served[region], 1, 0) == 0;
}
