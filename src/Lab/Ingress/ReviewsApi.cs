using System.Collections.Concurrent;
using System.Text.Json;

namespace DrillBot.Lab.Ingress;

/// <summary>
/// Bookinfo's API route <c>/api/v1/products/{id}/reviews</c> (productpage.py <c>reviewsRoute</c>): productpage calls
/// reviews like for the page (<c>getProductReviews</c>, two tries) and answers the reviews JSON with 200, or
/// <c>{"error": …}</c> with the status it ended with (503 from the sidecar, 500 when the call timed out), so API users
/// see the 5xx that page users only see as the "unavailable" text.
/// </summary>
internal sealed class ReviewsApi(LabHtmlTemplate template)
{
    private static readonly byte[] Unavailable = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["error"] = BookinfoPages.ReviewsUnavailable });
    private readonly ConcurrentDictionary<(string Pod, string Version), byte[]> _bodies = new();

    /// <summary>True for <c>/api/v1/products/{id}/reviews</c> with a numeric id.</summary>
    public static bool Matches(string? path, out string id)
    {
        id = "";
        const string prefix = "/api/v1/products/";
        const string suffix = "/reviews";
        if (path is null || !path.StartsWith(prefix, StringComparison.Ordinal) || !path.EndsWith(suffix, StringComparison.Ordinal)
            || path.Length <= prefix.Length + suffix.Length)
        {
            return false;
        }

        id = path[prefix.Length..^suffix.Length];
        return id.All(char.IsAsciiDigit);
    }

    /// <summary>The body productpage answers: the reviews of <paramref name="pod"/>, or the error when none answered.</summary>
    public byte[] Body(string id, string? pod, string? version) =>
        pod is null ? Unavailable
        : id == "0" ? _bodies.GetOrAdd((pod, version ?? "v1"), key => Render(id, key.Pod, key.Version)) // the one product Bookinfo has
        : Render(id, pod, version ?? "v1");

    private byte[] Render(string id, string pod, string version)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            if (template == LabHtmlTemplate.Modern)
            {
                json.WriteString("podname", pod); // images >= 1.16.4 name the pod (istio/istio#38505)
                json.WriteString("clustername", "null");
            }

            json.WriteStartArray("reviews");
            foreach (var (reviewer, text, stars) in BookinfoPages.Reviews)
            {
                json.WriteStartObject();
                json.WriteString("reviewer", reviewer);
                json.WriteString("text", text);
                if (BookinfoPages.StarColor(version) is { } color)
                {
                    json.WriteStartObject("rating");
                    json.WriteNumber("stars", stars);
                    json.WriteString("color", color);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
