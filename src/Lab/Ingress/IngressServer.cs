using DrillBot.Lab.Hosting;
using DrillBot.Lab.Mesh;
using DrillBot.Lab.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace DrillBot.Lab.Ingress;

/// <summary>
/// One region's Bookinfo ingress gateway on plain HTTP: <c>/productpage</c> (a productpage of any region, picked by
/// productpage's DestinationRule from this gateway's locality, which calls reviews through its own emulated sidecar), <c>/health</c>, and
/// the ground truth at <c>/lab/events</c> and <c>/lab/requests</c> (per-request hop records), plus the
/// <c>x-lab-*</c> response headers naming the serving pods.
/// Serving a page allocates only its small hop record and the ground-truth headers.
/// </summary>
internal sealed class IngressServer(LabWorld world, ContextState context, ILogger logger)
{
    private static readonly byte[] Healthy = "Product page is healthy"u8.ToArray();
    private static readonly StringValues Html = "text/html; charset=utf-8";
    private static readonly StringValues Text = "text/plain";
    private static readonly StringValues Envoy = "istio-envoy";
    /// <summary>Response header naming the productpage pod that served the request (Lab ground truth).</summary>
    public const string ProductpageHeader = "x-lab-productpage";

    /// <summary>Response header naming the reviews pod whose answer is in the page, or <c>none</c> (Lab ground truth).</summary>
    public const string ReviewsHeader = "x-lab-reviews";

    /// <summary>Response header naming the context whose ingress gateway took the request (Lab ground truth).</summary>
    public const string IngressHeader = "x-lab-ingress";

    private readonly ReviewsCaller _caller = new(world);
    private readonly IngressGateway _gateway = new(world, context);
    private readonly StringValues _ingress = context.Name;

    public Task HandleAsync(HttpContext http)
    {
        try
        {
            return http.Request.Path.Value switch
            {
                "/productpage" => Productpage(http),
                "/health" => Health(http),
                "/lab/events" => Write(http, 200, "application/json", EventJson.Serialize(world.Events.Snapshot())),
                "/lab/requests" => Write(http, 200, "application/json", RequestJson.Serialize(world.Requests.Snapshot(AfterId(http)))),
                _ => Write(http, 404, Text, []),
            };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.IngressRequestFailed(logger, ex, http.Request.Path.Value ?? "");
            return Write(http, 500, Text, []);
        }
    }

    private Task Productpage(HttpContext http)
    {
        var snapshot = world.Current(world.Time.GetUtcNow());
        http.Response.Headers[IngressHeader] = _ingress;
        var (productpage, failure) = _gateway.PickProductpage(snapshot);
        if (productpage is null)
        {
            return Write(http, 503, Text, failure);
        }

        // Ground truth for tests and benchmarks (not in the page, so no body classifier can see it).
        http.Response.Headers[ProductpageHeader] = productpage.Name;
        if (snapshot.ConnectionCost > TimeSpan.Zero)
        {
            return ConnectThenCallAsync(http, snapshot, productpage);
        }

        var call = _caller.CallAsync(snapshot, productpage, http.RequestAborted, context.Name);
        return call.IsCompletedSuccessfully ? WritePage(http, call.Result, snapshot) : SlowAsync(http, call, snapshot);
    }

    private async Task ConnectThenCallAsync(HttpContext http, RoutingSnapshot snapshot, ReviewsHost productpage)
    {
        try
        {
            // maxRequestsPerConnection: 1 -> a new upstream connection (and its handshake) per request.
            await Task.Delay(snapshot.ConnectionCost, world.Time, http.RequestAborted).ConfigureAwait(false);
            var result = await _caller.CallAsync(snapshot, productpage, http.RequestAborted, context.Name).ConfigureAwait(false);
            await WritePage(http, result, world.Latest).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            _ = snapshot;
        }
    }

    private async Task SlowAsync(HttpContext http, ValueTask<ReviewsCall> call, RoutingSnapshot snapshot)
    {
        try
        {
            var result = await call.ConfigureAwait(false);
            await WritePage(http, result, world.Latest).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            _ = snapshot;
        }
    }

    private static Task WritePage(HttpContext http, ReviewsCall call, RoutingSnapshot snapshot)
    {
        http.Response.Headers[ReviewsHeader] = call.Host?.Name ?? "none";
        return Write(http, 200, Html, call.Host?.Page ?? snapshot.SorryPage);
    }

    /// <summary><c>?after=N</c>: only records with a larger id.</summary>
    private static long AfterId(HttpContext http) =>
        long.TryParse(http.Request.Query["after"].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var after) ? after : 0;

    private Task Health(HttpContext http) =>
        world.Current(world.Time.GetUtcNow()).ProductpageUp
            ? Write(http, 200, Text, Healthy)
            : Write(http, 503, Text, IngressGateway.NoHealthyUpstream);

    private static Task Write(HttpContext http, int status, StringValues contentType, byte[] body)
    {
        var response = http.Response;
        response.StatusCode = status;
        response.Headers.ContentType = contentType;
        response.Headers.Server = Envoy;
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(http.Request.Method) || body.Length == 0
            ? Task.CompletedTask
            : response.Body.WriteAsync(body, 0, body.Length, http.RequestAborted);
    }
}
