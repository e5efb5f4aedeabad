using System.Collections.Concurrent;
using DrillBot.Lab.Mesh;

namespace DrillBot.Lab.Telemetry;

/// <summary>
/// The mesh's Istio standard metrics (<c>istio_requests_total</c>, <c>istio_request_duration_milliseconds</c>), derived
/// from the request records (the same source of truth as <c>/lab/requests</c>) as the proxies would report them, per hop:
/// <list type="bullet">
/// <item>gateway → productpage: <c>reporter="source"</c> once per user request with the code the user got (after the
/// gateway's retries; UH / UF,URX when no productpage answered), <c>reporter="destination"</c> once per attempt that
/// reached a productpage pod;</item>
/// <item>productpage → reviews: <c>reporter="source"</c> once per productpage try (Bookinfo tries twice) with the final
/// response after the sidecar's retries and the last attempt's peer (a caller-side VirtualService fault: FI, peer
/// unknown), <c>reporter="destination"</c> once per attempt a reviews pod received (a server-side EnvoyFilter abort: FI).</item>
/// </list>
/// One exporter for every emulated proxy (a real mesh has one endpoint per proxy); docs/lab.md.
/// </summary>
internal sealed class IstioMetrics(string ns)
{
    private readonly ConcurrentDictionary<IstioSeriesKey, IstioSeries> _series = new();
    private readonly ConcurrentDictionary<string, IstioPeer> _pods = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IstioPeer> _gateways = new(StringComparer.Ordinal);

    public string Namespace { get; } = ns;

    /// <summary>Remembers a pod's identity (pods leave the world when they stop; their requests may be recorded later).</summary>
    public void Register(PodRecord pod) => _pods[pod.Name] = IstioPeer.Of(pod, Namespace);

    /// <summary>Counts one request record: every hop, from both reporters.</summary>
    public void Observe(RequestRecord record)
    {
        var gateway = _gateways.GetOrAdd(record.Entry, IstioPeer.Gateway);
        var last = record.IngressHops.Count == 0 ? null : record.IngressHops[^1];
        Add(false, gateway, Peer(last?.Destination), "productpage", record.Status, last?.Flag ?? "-", record.Duration);
        foreach (var hop in record.IngressHops)
        {
            if (hop.Destination is not null && hop.Status != 0)
            {
                Add(true, gateway, Peer(hop.Destination), "productpage", hop.Status, "-", hop.Duration);
            }
        }

        if (record.Hops.Count == 0)
        {
            return;
        }

        var productpage = Peer(record.Productpage ?? record.Hops[0].Source);
        var callStart = 0;
        for (var i = 0; i < record.Hops.Count; i++)
        {
            var hop = record.Hops[i];
            if (Received(hop))
            {
                Add(true, productpage, Peer(hop.Destination), "reviews", hop.Status, ServerFlags(hop), hop.Duration);
            }

            if (i == record.Hops.Count - 1 || record.Hops[i + 1].Call != hop.Call)
            {
                ObserveCall(productpage, record.Hops, callStart, i);
                callStart = i + 1;
            }
        }
    }

    /// <summary>The Prometheus text exposition of every series.</summary>
    public byte[] Exposition() => IstioExposition.Write(_series, Namespace);

    /// <summary>One productpage try (hops [first, last]) as its sidecar reports it: the final response and the last attempt's peer.</summary>
    private void ObserveCall(IstioPeer productpage, IReadOnlyList<HopRecord> hops, int first, int last)
    {
        var final = hops[last];
        var duration = TimeSpan.Zero;
        var delayed = false;
        for (var i = first; i <= last; i++)
        {
            duration += hops[i].Duration;
            delayed |= hops[i].Flag.StartsWith("DI", StringComparison.Ordinal);
        }

        // No response: productpage gave up (DC, code 0). A refused connection is answered by the sidecar itself (503).
        var code = final.Flag.Contains("DC", StringComparison.Ordinal) ? 0 : final.Status == 0 ? 503 : final.Status;
        // a delay injected into the first attempt marks the whole stream (DI), whatever the retry that answered
        var flags = !delayed || final.Flag.StartsWith("DI", StringComparison.Ordinal) ? final.Flag : final.Flag == "-" ? "DI" : "DI," + final.Flag;
        Add(false, productpage, Peer(final.Destination), "reviews", code, flags, duration);
    }

    /// <summary>The reviews pod's inbound sidecar saw the attempt (a refused connection never reaches it).</summary>
    private static bool Received(HopRecord hop) =>
        hop.Destination is not null && (hop.Status != 0 || hop.InjectedBy == "server");

    /// <summary>The response flags the server's sidecar reports: its own fault (FI, or a delay the caller gave up on), else none.</summary>
    private static string ServerFlags(HopRecord hop) => hop.InjectedBy == "server"
        ? hop.Status == 0 ? "DI,DC" : "FI"
        : "-";

    private IstioPeer Peer(string? pod) =>
        pod is null ? IstioPeer.Unknown : _pods.GetValueOrDefault(pod) ?? IstioPeer.Unknown;

    private void Add(bool byDestination, IstioPeer source, IstioPeer destination, string service, int code, string flags, TimeSpan duration) =>
        _series.GetOrAdd(new IstioSeriesKey(byDestination, source, destination, service, code, flags), _ => new IstioSeries()).Observe(duration);
}
