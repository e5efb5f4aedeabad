using System.Globalization;

namespace DrillBot.Bench.RecoveryAccuracy;

/// <summary>Unix-epoch seconds with a fraction (bash's EPOCHREALTIME, Prometheus sample times) to and from instants.</summary>
internal static class Epoch
{
    public static DateTimeOffset Parse(string seconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)(decimal.Parse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond));

    public static DateTimeOffset FromSeconds(double seconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

    public static DateTimeOffset ParseIso(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
