using System.Globalization;

namespace DrillBot.Lab.Api;

/// <summary>Kubernetes timestamp formats.</summary>
internal static class KubeTime
{
    /// <summary>RFC 3339 with seconds, as metav1.Time serializes.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
