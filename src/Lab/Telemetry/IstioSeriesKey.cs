namespace DrillBot.Lab.Telemetry;

/// <summary>
/// The labels of one Istio request series: who reported it (<c>reporter="source"</c>: the caller's proxy, once per
/// request after its retries; <c>"destination"</c>: the server's proxy, once per attempt that reached it), the two peers,
/// the destination service (short name; the FQDN and namespace follow), the response code and Envoy's response flags.
/// </summary>
internal readonly record struct IstioSeriesKey(bool ByDestination, IstioPeer Source, IstioPeer Destination, string Service, int Code, string Flags)
{
    public string Reporter => ByDestination ? "destination" : "source";
}
