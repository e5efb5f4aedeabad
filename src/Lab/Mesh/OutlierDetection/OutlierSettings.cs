namespace DrillBot.Lab.Mesh;

/// <summary>
/// The DestinationRule's <c>trafficPolicy.outlierDetection</c> with Istio's defaults
/// (consecutive5xxErrors 5, interval 10s, baseEjectionTime 30s, maxEjectionPercent 10).
/// </summary>
internal sealed record OutlierSettings(int Consecutive5xxErrors, TimeSpan Interval, TimeSpan BaseEjectionTime, int MaxEjectionPercent)
{
    /// <summary>Envoy's default cap on one ejection.</summary>
    public static readonly TimeSpan MaxEjectionTime = TimeSpan.FromSeconds(300);

    public static OutlierSettings Defaults { get; } = new(5, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), 10);
}
