using System.Text;
using Microsoft.AspNetCore.Http;

namespace DrillBot.Api;

/// <summary>Reads a request body once, refusing bodies above a limit without reading them whole.</summary>
internal static class BoundedBody
{
    /// <summary>The body as UTF-8 text, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<string?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var buffer = new byte[Math.Min(maxBytes + 1, (int)(request.ContentLength ?? 4096) + 1)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > maxBytes)
                {
                    return null;
                }

                Array.Resize(ref buffer, Math.Min(maxBytes + 1, buffer.Length * 2));
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return length > maxBytes ? null : Encoding.UTF8.GetString(buffer, 0, length);
    }
}
