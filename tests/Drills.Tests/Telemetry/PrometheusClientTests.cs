using System.Net;
using System.Text;
using DrillBot.Drills.Telemetry;

namespace DrillBot.Drills.Tests.Telemetry;

/// <summary>The HTTP API client: the answers Prometheus gives (https://prometheus.io/docs/prometheus/latest/querying/api/) and every way it fails, in one line.</summary>
public sealed class PrometheusClientTests
{
    private sealed class Canned(HttpStatusCode status, string body, TimeSpan? delay = null) : HttpMessageHandler
    {
        public Uri? Asked { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Asked = request.RequestUri;
            if (delay is { } d)
            {
                await Task.Delay(d, cancellationToken);
            }

            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
    }

    private static PrometheusClient Client(HttpMessageHandler handler, string url = "http://prom.test:9090/prometheus") =>
        new(new HttpClient(handler), new Uri(url), TimeSpan.FromMilliseconds(300));

    [Test]
    public async Task QueryAsync_Vector_LabelsAndValuesAtTheTimeAsked()
    {
        using var handler = new Canned(HttpStatusCode.OK, """{"status":"success","data":{"resultType":"vector","result":[{"metric":{"destination_cluster":"ack-hangzhou"},"value":[1700000000.5,"42"]},{"metric":{},"value":[1700000000.5,"NaN"]}]}}""");

        var samples = await Client(handler).QueryAsync("sum(x)", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_250), CancellationToken.None);

        Assert.That(samples[0].Label("destination_cluster"), Is.EqualTo("ack-hangzhou"));
        Assert.That(samples[0].Value, Is.EqualTo(42));
        Assert.That(double.IsNaN(samples[1].Value), Is.True);
        Assert.That(handler.Asked!.AbsoluteUri, Is.EqualTo("http://prom.test:9090/prometheus/api/v1/query?query=sum%28x%29&time=1700000000.25"), "under the base URL's path");
    }

    [Test]
    public async Task QueryRangeAsync_Matrix_PointsInOrder()
    {
        using var handler = new Canned(HttpStatusCode.OK, """{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"a":"b"},"values":[[1700000000,"0.5"],[1700000001,"0.25"]]}]}}""");

        var series = await Client(handler).QueryRangeAsync("r", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), DateTimeOffset.FromUnixTimeSeconds(1_700_000_001), TimeSpan.FromMilliseconds(500), CancellationToken.None);

        Assert.That(series.Single().Points.Select(p => p.Value), Is.EqualTo(new[] { 0.5, 0.25 }));
        Assert.That(series.Single().Points[1].At, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1_700_000_001)));
        Assert.That(handler.Asked!.Query, Does.Contain("&step=0.5"));
    }

    [TestCase(HttpStatusCode.BadRequest, """{"status":"error","errorType":"bad_data","error":"1:5: parse error: unexpected end of input"}""", "Prometheus http://prom.test:9090/prometheus/: HTTP 400 bad_data: 1:5: parse error: unexpected end of input")]
    [TestCase(HttpStatusCode.BadGateway, "<html>upstream down</html>", "Prometheus http://prom.test:9090/prometheus/: HTTP 502, not the Prometheus API (no JSON): <html>upstream down</html>")]
    [TestCase(HttpStatusCode.OK, """{"status":"success","data":{"resultType":"matrix","result":[]}}""", "expected an instant vector for 'x', got a matrix")]
    public void QueryAsync_BadAnswer_OneLineNamingTheServer(HttpStatusCode status, string body, string message)
    {
        using var handler = new Canned(status, body);

        var e = Assert.ThrowsAsync<PrometheusException>(() => Client(handler).QueryAsync("x", DateTimeOffset.UnixEpoch, CancellationToken.None));

        Assert.That(e!.Message, Does.Contain(message));
        Assert.That(e.Message, Does.Not.Contain("\n"));
    }

    [Test]
    public void QueryAsync_SlowerThanTheTimeout_SaysSo()
    {
        using var handler = new Canned(HttpStatusCode.OK, "{}", TimeSpan.FromSeconds(10));

        var e = Assert.ThrowsAsync<PrometheusException>(() => Client(handler).QueryAsync("x", DateTimeOffset.UnixEpoch, CancellationToken.None));

        Assert.That(e!.Message, Is.EqualTo("Prometheus http://prom.test:9090/prometheus/ did not answer within 0.3s"));
    }

    [Test]
    public void QueryAsync_NothingListening_Unreachable()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var e = Assert.ThrowsAsync<PrometheusException>(() => Client(new SocketsHttpHandler(), $"http://127.0.0.1:{port}").QueryAsync("x", DateTimeOffset.UnixEpoch, CancellationToken.None));

        Assert.That(e!.Message, Does.StartWith($"Prometheus http://127.0.0.1:{port}/ is unreachable: "));
    }
}
