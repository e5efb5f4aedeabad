using System.Net;
using System.Net.Sockets;

namespace DrillBot.Drills.Probing;

/// <summary>
/// Probe requests over a <see cref="SocketsHttpHandler"/>: HTTP/1.1 keep-alive connections, at most
/// <c>maxConnections</c>, none reused after 30 s or after 2 s idle (no stale connection the server already
/// closed), no redirects, a per-request timeout through <see cref="TimeProvider"/>. The prober sends through
/// <see cref="Send"/>, the synchronous path of the same handler: the sender thread blocks in the socket.
/// </summary>
/// <remarks>
/// Two settings keep the sockets blocking, so that no answer goes through the thread pool (docs/benchmarks.md,
/// "Probe cost"): connections are opened by a blocking connect (<see cref="ConnectBlocking"/>; the handler's own
/// connect is asynchronous, and one asynchronous operation puts a socket in non-blocking mode for good, after which
/// every blocking read waits for the epoll thread and a thread-pool work item), and the handler's idle-connection
/// scavenger is off (it starts an asynchronous zero-byte read on every idle connection). The 2 s idle limit is kept
/// here instead: when every request has finished and none was sent for 2 s, the next one gets a fresh handler, so it
/// opens a new connection exactly where the handler's own limit would have. The reuse a server sees is the same:
/// one connection reused back to back while requests follow each other within 2 s, a new one after a pause.
/// </remarks>
internal sealed class HttpProbeTransport : IBlockingProbeTransport, IDisposable
{
    private const int MaxBodyChars = 1 << 20;
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(2);
    private readonly Lock _gate = new();
    private readonly int _maxConnections;
    private readonly TimeProvider _time;
    private HttpClient _client;
    private int _inFlight;
    private long? _lastDone;

    public HttpProbeTransport(int maxConnections, TimeProvider time)
    {
        _time = time;
        _maxConnections = maxConnections;
        _client = NewClient(maxConnections);
    }

    private static HttpClient NewClient(int maxConnections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan, // kept by Rent (see remarks)
            PooledConnectionLifetime = TimeSpan.FromSeconds(30),
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            ConnectCallback = ConnectBlocking,
        };
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("drillbot-probe/1.0");
        return client;
    }

    public async Task<ProbeResponse> SendAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutCts = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutCts.Token, cancellationToken);
        var client = Rent();
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead, linked.Token);
            return Answer(response, await response.Content.ReadAsStringAsync(linked.Token));
        }
        catch (OperationCanceledException) when (timeoutCts.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ProbeResponse.Error("timeout");
        }
        catch (Exception e) when (IsNetworkError(e))
        {
            return ProbeResponse.Error("connection");
        }
        finally
        {
            Return();
        }
    }

    /// <summary>
    /// The same request on the calling thread: the headers and the whole body are read blocking
    /// (<see cref="HttpClient.Send(HttpRequestMessage, HttpCompletionOption, CancellationToken)"/> buffers the content),
    /// so the text is decoded from the buffer without another wait.
    /// </summary>
    public ProbeResponse Send(Uri url, TimeSpan timeout)
    {
        using var timeoutCts = new CancellationTokenSource(timeout, _time);
        var client = Rent();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = client.Send(request, HttpCompletionOption.ResponseContentRead, timeoutCts.Token);
            var body = response.Content.ReadAsStringAsync(timeoutCts.Token);
            return Answer(response, body.GetAwaiter().GetResult()); // already buffered: completes at once
        }
        catch (OperationCanceledException) when (timeoutCts.IsCancellationRequested)
        {
            return ProbeResponse.Error("timeout");
        }
        catch (Exception e) when (IsNetworkError(e))
        {
            return ProbeResponse.Error("connection");
        }
        finally
        {
            Return();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _client.Dispose();
        }
    }

    /// <summary>The client for one request: a fresh one (new connections) when nothing is in flight and the last request ended 2 s ago or more.</summary>
    private HttpClient Rent()
    {
        lock (_gate)
        {
            if (_inFlight == 0 && _lastDone is { } done && _time.GetElapsedTime(done) >= IdleTimeout)
            {
                _client.Dispose();
                _client = NewClient(_maxConnections);
                _lastDone = null;
            }

            _inFlight++;
            return _client;
        }
    }

    private void Return()
    {
        lock (_gate)
        {
            _inFlight--;
            _lastDone = _time.GetTimestamp();
        }
    }

    private static ValueTask<Stream> ConnectBlocking(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using (cancellationToken.UnsafeRegister(s => ((Socket)s!).Dispose(), socket))
            {
                socket.Connect(context.DnsEndPoint.Host, context.DnsEndPoint.Port);
            }

            return ValueTask.FromResult<Stream>(new NetworkStream(socket, ownsSocket: true));
        }
        catch (Exception e)
        {
            socket.Dispose();
            if (cancellationToken.IsCancellationRequested)
            {
                return ValueTask.FromException<Stream>(new OperationCanceledException(cancellationToken));
            }

            return ValueTask.FromException<Stream>(e);
        }
    }

    private static ProbeResponse Answer(HttpResponseMessage response, string body) =>
        new((int)response.StatusCode, body.Length > MaxBodyChars ? body[..MaxBodyChars] : body, null);

    private static bool IsNetworkError(Exception e) => e is HttpRequestException or IOException or SocketException;
}
