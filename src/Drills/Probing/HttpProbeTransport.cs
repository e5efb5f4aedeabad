using System.Net;
using System.Net.Sockets;

namespace DrillBot.Drills.Probing;

/// <summary>
/// Probe requests over one shared <see cref="HttpClient"/> on a <see cref="SocketsHttpHandler"/>:
/// bounded connections, short idle lifetime (no stale keep-alive connection the server already
/// closed), no redirects, a per-request timeout through <see cref="TimeProvider"/>.
/// </summary>
internal sealed class HttpProbeTransport : IProbeTransport, IDisposable
{
    private const int MaxBodyChars = 1 << 20;
    private readonly HttpClient _client;
    private readonly TimeProvider _time;

    public HttpProbeTransport(int maxConnections, TimeProvider time)
    {
        _time = time;
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(2),
            PooledConnectionLifetime = TimeSpan.FromSeconds(30),
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("drillbot-probe/1.0");
    }

    public async Task<ProbeResponse> SendAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutCts = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutCts.Token, cancellationToken);
        try
        {
            using var response = await _client.GetAsync(url, HttpCompletionOption.ResponseContentRead, linked.Token);
            var body = await response.Content.ReadAsStringAsync(linked.Token);
            return new ProbeResponse((int)response.StatusCode, body.Length > MaxBodyChars ? body[..MaxBodyChars] : body, null);
        }
        catch (OperationCanceledException) when (timeoutCts.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ProbeResponse.Error("timeout");
        }
        catch (Exception e) when (e is HttpRequestException or IOException or SocketException)
        {
            return ProbeResponse.Error("connection");
        }
    }

    public void Dispose() => _client.Dispose();
}
