using System.Security.Cryptography;
using System.Text;
using DrillBot.Lab.Api;
using DrillBot.Lab.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DrillBot.Lab.Hosting;

/// <summary>
/// The HTTP side of one context's emulated API server: bearer-token auth (the admin's token, or an identity's), injected
/// faults and latency, then the <see cref="ApiRouter"/>; a watch is streamed by <see cref="WatchStream"/>.
/// </summary>
internal sealed class ApiServer(LabWorld world, ContextState context, string token, IReadOnlyDictionary<string, string> identityTokens, ILogger logger)
{
    private readonly (byte[] Expected, string? Identity)[] _tokens =
        [(Encoding.UTF8.GetBytes("Bearer " + token), null), .. identityTokens.Select(p => (Encoding.UTF8.GetBytes("Bearer " + p.Value), (string?)p.Key))];
    private ApiRouter? _router;

    public string Token { get; } = token;

    /// <summary>The bearer token of each identity in this context.</summary>
    public IReadOnlyDictionary<string, string> IdentityTokens { get; } = identityTokens;

    /// <summary>Set once the listener's port is known.</summary>
    public void Bind(string serverAddress) => _router = new ApiRouter(world, context, serverAddress);

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var path = request.Path.Value ?? "/";
        try
        {
            var (authenticated, identity) = Authenticate(request);
            if (!Anonymous(path) && !authenticated)
            {
                await WriteAsync(http, KubeStatus.Unauthorized()).ConfigureAwait(false);
                return;
            }

            var faults = world.Control.ApiFaults(context.Name);
            if (faults.Latency > TimeSpan.Zero)
            {
                await Task.Delay(faults.Latency, world.Time, http.RequestAborted).ConfigureAwait(false);
            }

            if (faults.ErrorRatio > 0 && world.HotRandom.NextDouble() < faults.ErrorRatio)
            {
                if (faults.Status == 0)
                {
                    http.Abort();
                    return;
                }

                await WriteAsync(http, KubeStatus.Fault(faults.Status)).ConfigureAwait(false);
                return;
            }

            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
            var raw = buffer.ToArray();
            var body = Encoding.UTF8.GetString(raw);
            var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
            var apiRequest = new ApiRequest(request.Method, path, query, request.ContentType, body)
            {
                Accept = request.Headers.Accept.ToString(),
                UserAgent = request.Headers.UserAgent.ToString(),
                Identity = identity,
                RawBody = raw,
            };
            var result = _router!.Handle(apiRequest);
            if (result.Watch is { } watched)
            {
                await new WatchStream(world, context).ServeAsync(http, apiRequest, watched).ConfigureAwait(false);
                return;
            }

            await WriteAsync(http, result).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // the client went away
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.ApiRequestFailed(logger, ex, request.Method, path, context.Name);
            if (!http.Response.HasStarted)
            {
                await WriteAsync(http, KubeStatus.Failure(500, "InternalError", $"Internal error occurred: {ex.Message}")).ConfigureAwait(false);
            }
        }
    }

    private static bool Anonymous(string path) => path is "/version" or "/healthz" or "/livez" or "/readyz";

    private (bool Authenticated, string? Identity) Authenticate(HttpRequest request)
    {
        var bytes = Encoding.UTF8.GetBytes(request.Headers.Authorization.ToString());
        foreach (var (expected, identity) in _tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(bytes, expected))
            {
                return (true, identity);
            }
        }

        return (false, null);
    }

    internal static async Task WriteAsync(HttpContext http, ApiResult result)
    {
        var response = http.Response;
        response.StatusCode = result.Status;
        response.ContentType = result.ContentType;
        if (result.RetryAfter is not null)
        {
            response.Headers.RetryAfter = result.RetryAfter;
        }

        var bytes = Encoding.UTF8.GetBytes(result.Body);
        response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await response.Body.WriteAsync(bytes, http.RequestAborted).ConfigureAwait(false);
        }
    }
}
