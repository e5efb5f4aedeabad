using System.Net;
using System.Text;

namespace DrillBot.Drills.Tests.Telemetry;

/// <summary>
/// Prometheus' HTTP API in memory: answers each query from <see cref="Answer"/> (a JSON body for status 200), or fails
/// the connection when <see cref="Unreachable"/>. Records every query it was asked.
/// </summary>
internal sealed class FakePrometheus : HttpMessageHandler
{
    public volatile bool Unreachable;

    /// <summary>(path, PromQL) → the answer's <c>data</c> JSON, e.g. a vector; null = an empty vector.</summary>
    public Func<string, string, string?> Answer { get; set; } = (_, _) => null;

    public List<string> Queries { get; } = [];

    /// <summary>How long each answer takes.</summary>
    public TimeSpan Delay { get; set; }

    public static string Vector(params (string Labels, double Value)[] samples) =>
        "{\"resultType\":\"vector\",\"result\":[" + string.Join(",", samples.Select(s => $"{{\"metric\":{{{s.Labels}}},\"value\":[1700000000,\"{s.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"]}}")) + "]}";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        if (Unreachable)
        {
            throw new HttpRequestException("Connection refused (127.0.0.1:9)");
        }

        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query)["query"] ?? "";
        lock (Queries)
        {
            Queries.Add(query);
        }

        var path = request.RequestUri.AbsolutePath;
        var data = Answer(path, query) ?? (path.EndsWith("query_range", StringComparison.Ordinal) ? "{\"resultType\":\"matrix\",\"result\":[]}" : Vector());
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"status\":\"success\",\"data\":" + data + "}", Encoding.UTF8, "application/json") };
    }
}
