using System.Data.Common;
using DrillBot.Store;

namespace DrillBot.Runs;

/// <summary>The exceptions a store call throws when the database is unavailable or refuses (as opposed to bugs).</summary>
internal static class StoreFailure
{
    public static bool Is(Exception e) =>
        e is DbException or TimeoutException or IOException or InvalidOperationException or StoreException;
}
