using System.Net;
using System.Net.Sockets;
using System.Text;
using DrillBot.Drills.Probing;
using Microsoft.Extensions.Time.Testing;

namespace DrillBot.Drills.Tests.Probing;

/// <summary>
/// HTTP/1.1 keep-alive as a user's client does it, against a small server that counts connections: one connection reused
/// for requests that follow each other, a new one after 2 s idle (measured on the transport's clock, fake here).
/// </summary>
public sealed class HttpProbeTransportTests
{
    private sealed class CountingServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _accepting;
        private int _connections;

        public CountingServer()
        {
            _listener.Start();
            _accepting = AcceptAsync();
        }

        public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/productpage");

        public int Connections => Volatile.Read(ref _connections);

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                _ = ServeAsync(client);
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using var _ = client;
            var stream = client.GetStream();
            var buffer = new byte[4096];
            var request = new StringBuilder();
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    while (request.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal) is var end and >= 0)
                    {
                        request.Remove(0, end + 4);
                        const string body = "<html>full stars</html>";
                        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\nContent-Type: text/html\r\n\r\n{body}"), _stop.Token);
                    }
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
            {
            }
        }
    }

    [Test]
    public async Task Send_BackToBack_OneKeepAliveConnection()
    {
        await using var server = new CountingServer();
        using var transport = new HttpProbeTransport(8, new FakeTimeProvider());

        var answers = Enumerable.Range(0, 10).Select(_ => transport.Send(server.Url, TimeSpan.FromSeconds(10))).ToList();

        Assert.That(answers.All(a => a is { Status: 200, Body: "<html>full stars</html>" }), Is.True);
        Assert.That(server.Connections, Is.EqualTo(1));
    }

    [Test]
    public async Task Send_AfterTwoSecondsIdle_NewConnection_JustUnderTwo_Reused()
    {
        await using var server = new CountingServer();
        var time = new FakeTimeProvider();
        using var transport = new HttpProbeTransport(8, time);
        transport.Send(server.Url, TimeSpan.FromSeconds(10));

        time.Advance(TimeSpan.FromMilliseconds(1999));
        transport.Send(server.Url, TimeSpan.FromSeconds(10));
        var afterShortPause = server.Connections;
        time.Advance(TimeSpan.FromSeconds(2));
        transport.Send(server.Url, TimeSpan.FromSeconds(10));

        Assert.That(afterShortPause, Is.EqualTo(1), "idle 1.999 s: the same connection");
        Assert.That(server.Connections, Is.EqualTo(2), "idle 2 s: a new connection, as SocketsHttpHandler's PooledConnectionIdleTimeout would");
    }

    [Test]
    public async Task SendAsync_SameConnectionRulesAsSend()
    {
        await using var server = new CountingServer();
        var time = new FakeTimeProvider();
        using var transport = new HttpProbeTransport(8, time);

        var first = await transport.SendAsync(server.Url, TimeSpan.FromSeconds(10), CancellationToken.None);
        transport.Send(server.Url, TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(3));
        await transport.SendAsync(server.Url, TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.That(first.Status, Is.EqualTo(200));
        Assert.That(server.Connections, Is.EqualTo(2));
    }

    [Test]
    public void Send_NothingListening_ConnectionError()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var transport = new HttpProbeTransport(8, TimeProvider.System);

        var answer = transport.Send(new Uri($"http://127.0.0.1:{port}/"), TimeSpan.FromSeconds(5));

        Assert.That(answer, Is.EqualTo(ProbeResponse.Error("connection")));
    }
}
