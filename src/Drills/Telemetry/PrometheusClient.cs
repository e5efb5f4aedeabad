using System.Globalization;
using System.Text.Json;

namespace DrillBot.Drills.Telemetry;

/// <summary>
/// Prometheus' HTTP API over plain <see cref="HttpClient"/> (https://prometheus.io/docs/prometheus/latest/querying/api/):
/// <c>GET /api/v1/query</c> (instant) and <c>GET /api/v1/query_range</c>. Every failure is a <see cref="PrometheusException"/>
/// with one line naming the server.
/// </summary>
internal sealed class PrometheusClient(HttpClient http, Uri baseUrl, TimeSpan timeout)
{
    private readonly Uri _base = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");

    public Uri BaseUrl => _base;

    /// <summary>An instant query evaluated at <paramref name="at"/>; a scalar result comes back as one sample without labels.</summary>
    public async Task<IReadOnlyList<PromSample>> QueryAsync(string query, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var doc = await GetAsync($"api/v1/query?query={Uri.EscapeDataString(query)}&time={Unix(at)}", cancellationToken).ConfigureAwait(false);
        var data = doc.RootElement.GetProperty("data");
        var result = data.GetProperty("result");
        return data.GetProperty("resultType").GetString() switch
        {
            "vector" => [.. result.EnumerateArray().Select(e => new PromSample(Labels(e), Value(e.GetProperty("value"))))],
            "scalar" => [new PromSample(new Dictionary<string, string>(), Value(result))],
            var other => throw new PrometheusException($"Prometheus {_base}: expected an instant vector for '{query}', got a {other}"),
        };
    }

    /// <summary>A range query over [<paramref name="start"/>, <paramref name="end"/>] every <paramref name="step"/>.</summary>
    public async Task<IReadOnlyList<PromSeries>> QueryRangeAsync(string query, DateTimeOffset start, DateTimeOffset end, TimeSpan step, CancellationToken cancellationToken)
    {
        var seconds = Math.Max(0.001, step.TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture);
        using var doc = await GetAsync($"api/v1/query_range?query={Uri.EscapeDataString(query)}&start={Unix(start)}&end={Unix(end)}&step={seconds}", cancellationToken).ConfigureAwait(false);
        var result = doc.RootElement.GetProperty("data").GetProperty("result");
        return [.. result.EnumerateArray().Select(e => new PromSeries(Labels(e),
            [.. e.GetProperty("values").EnumerateArray().Select(p => (DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(p[0].GetDouble() * 1000)), Value(p)))]))];
    }

    private async Task<JsonDocument> GetAsync(string relative, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(new Uri(_base, relative), deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PrometheusException($"Prometheus {_base} did not answer within {Analysis.Format.Seconds(timeout)}");
        }
        catch (HttpRequestException e)
        {
            throw new PrometheusException($"Prometheus {_base} is unreachable: {e.Message}", e);
        }

        using (response)
        {
            string body;
            try
            {
                body = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new PrometheusException($"Prometheus {_base} did not answer within {Analysis.Format.Seconds(timeout)}");
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                throw new PrometheusException($"Prometheus {_base}: the answer broke off: {e.Message}", e);
            }

            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(body);
            }
            catch (JsonException)
            {
                throw new PrometheusException($"Prometheus {_base}: HTTP {(int)response.StatusCode}, not the Prometheus API (no JSON): {Clip(body)}");
            }

            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("status", out var status) || status.GetString() != "success")
            {
                var kind = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errorType", out var t) ? t.GetString() : null;
                var error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var m) ? m.GetString() : Clip(body);
                doc.Dispose();
                throw new PrometheusException($"Prometheus {_base}: HTTP {(int)response.StatusCode}{(kind is null ? "" : " " + kind)}: {error}");
            }

            return doc;
        }
    }

    private static Dictionary<string, string> Labels(JsonElement element) =>
        element.TryGetProperty("metric", out var metric)
            ? metric.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>A <c>[time, "value"]</c> pair's value (Prometheus writes values as strings: "1", "NaN", "+Inf").</summary>
    private static double Value(JsonElement pair) =>
        double.TryParse(pair[1].GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
        : pair[1].GetString() switch { "+Inf" => double.PositiveInfinity, "-Inf" => double.NegativeInfinity, _ => double.NaN };

    public static string Unix(DateTimeOffset at) => (at.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);

    private static string Clip(string text) => text.Length <= 200 ? text.ReplaceLineEndings(" ") : text[..200].ReplaceLineEndings(" ") + "…";
}
