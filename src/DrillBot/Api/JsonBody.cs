using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace DrillBot.Api;

/// <summary>
/// Reads an optional JSON request body into <typeparamref name="T"/>: empty is <paramref name="empty"/>; above 16 KiB 413;
/// not <c>application/json</c> 415; not valid (or an unknown field) 400 naming an example.
/// </summary>
internal static class JsonBody
{
    public const int MaxBytes = 16 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    public static async Task<(T Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, T empty, string example, CancellationToken cancellationToken)
    {
        var text = await BoundedBody.ReadAsync(request, MaxBytes, cancellationToken);
        if (text is null)
        {
            return (empty, Problems.Create(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body may be at most {MaxBytes} bytes."));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return (empty, null);
        }

        if (!request.HasJsonContentType())
        {
            return (empty, Problems.Create(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"Expected application/json, got '{request.ContentType}'."));
        }

        try
        {
            var body = JsonSerializer.Deserialize<T>(text, Options);
            return body is null ? (empty, Problems.BadRequest($"The body must be a JSON object such as {example}.")) : (body, null);
        }
        catch (JsonException e)
        {
            return (empty, Problems.BadRequest($"The body is not valid: {e.Message} (expected {example})."));
        }
    }
}
