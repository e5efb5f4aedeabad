using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using DrillBot.Lab.Hosting;
using DrillBot.Lab.State;
using Microsoft.AspNetCore.Http;

namespace DrillBot.Lab.Api;

/// <summary>
/// <c>?watch=true</c> on a list path: the Kubernetes watch event stream
/// (https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes), one JSON object per line,
/// <c>{"type":"ADDED|MODIFIED|DELETED|ERROR","object":…}</c>. Without <c>resourceVersion</c> (or "0") it starts with a synthetic
/// ADDED per existing object; with one it replays the writes after it, or answers an ERROR event with a 410 Status when they
/// are no longer retained. Honours <c>fieldSelector</c> (metadata.name/namespace), <c>labelSelector</c>,
/// <c>timeoutSeconds</c> and the Table format kubectl asks for. No BOOKMARK events (servers may omit them).
/// </summary>
internal sealed class WatchStream(LabWorld world, ContextState context)
{
    /// <summary>The longest a watch stays open without <c>timeoutSeconds</c> (the API server's default is 30–60 min).</summary>
    private static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(30);

    public async Task ServeAsync(HttpContext http, ApiRequest request, ResourceAddress address)
    {
        var type = address.Type;
        var labels = LabelSelector.Parse(request.QueryValue("labelSelector"));
        if (labels is null || !FieldSelector.TryParse(request.QueryValue("fieldSelector"), out var fields))
        {
            await ApiServer.WriteAsync(http, KubeStatus.BadRequest($"unable to parse the selectors of the watch: labelSelector \"{request.QueryValue("labelSelector")}\", fieldSelector \"{request.QueryValue("fieldSelector")}\"")).ConfigureAwait(false);
            return;
        }

        var rvText = request.QueryValue("resourceVersion");
        long? from = null;
        if (rvText is { Length: > 0 } and not "0")
        {
            if (!long.TryParse(rvText, NumberStyles.None, CultureInfo.InvariantCulture, out var rv))
            {
                await ApiServer.WriteAsync(http, KubeStatus.BadRequest($"invalid resource version \"{rvText}\"")).ConfigureAwait(false);
                return;
            }

            from = rv;
        }

        bool Matches(StoreEvent e) =>
            e.Kind == type.Kind && (address.Namespace is null || e.Namespace == address.Namespace) && (address.Name is null || e.Name == address.Name)
            && fields.Matches(e.Object) && labels.Matches(ObjectMetadata.Labels(e.Object));

        var channel = Channel.CreateUnbounded<StoreEvent>(new UnboundedChannelOptions { SingleReader = true });
        void OnChanged(StoreEvent e)
        {
            if (Matches(e))
            {
                channel.Writer.TryWrite(e);
            }
        }

        IReadOnlyList<StoreEvent>? initial;
        long revision;
        lock (world.Gate)
        {
            world.Begin(world.Time.GetUtcNow());
            revision = context.Store.RevisionNumber;
            initial = from is { } after
                ? context.Store.EventsAfter(after, Matches)
                : context.Store.List(type.Kind, address.Namespace)
                    .Select(o => new StoreEvent(StoreEventType.Added, type.Kind, o["metadata"]?["namespace"]?.ToString() ?? "", ObjectMetadata.Name(o) ?? "", o, 0))
                    .Where(Matches).ToList();
            context.Store.Changed += OnChanged;
        }

        try
        {
            var table = TableRenderer.Wanted(request.Accept);
            var response = http.Response;
            response.StatusCode = 200;
            response.ContentType = table ? TableRenderer.ContentType : "application/json";
            await response.StartAsync(http.RequestAborted).ConfigureAwait(false);
            if (initial is null)
            {
                var gone = new JsonObject
                {
                    ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Failure",
                    ["message"] = $"too old resource version: {rvText} ({revision})", ["reason"] = "Expired", ["code"] = 410,
                };
                await WriteLineAsync(response, new JsonObject { ["type"] = "ERROR", ["object"] = gone }, http.RequestAborted).ConfigureAwait(false);
                return;
            }

            foreach (var e in initial)
            {
                await WriteEventAsync(response, request, address, e, table, http.RequestAborted).ConfigureAwait(false);
            }

            var timeout = int.TryParse(request.QueryValue("timeoutSeconds"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(Math.Min(seconds, MaxDuration.TotalSeconds))
                : MaxDuration;
            using var ends = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, world.Stopping);
            ends.CancelAfter(timeout);
            await foreach (var e in channel.Reader.ReadAllAsync(ends.Token).ConfigureAwait(false))
            {
                await WriteEventAsync(response, request, address, e, table, ends.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // the client went away, the timeout passed, or the Lab stops: the watch ends like a closed connection
        }
        finally
        {
            lock (world.Gate)
            {
                context.Store.Changed -= OnChanged;
            }
        }
    }

    private Task WriteEventAsync(HttpResponse response, ApiRequest request, ResourceAddress address, StoreEvent e, bool table, CancellationToken cancellationToken)
    {
        var obj = (JsonObject)e.Object.DeepClone();
        obj["apiVersion"] = address.ApiVersion;
        JsonNode rendered = obj;
        if (table)
        {
            var answer = TableRenderer.Render(ApiResult.Ok(CanonicalJson.Serialize(obj)), address.Type, request.QueryValue("includeObject") == "Object", world.Time.GetUtcNow());
            rendered = JsonNode.Parse(answer.Body)!;
        }

        return WriteLineAsync(response, new JsonObject { ["type"] = e.TypeName, ["object"] = rendered }, cancellationToken);
    }

    private static async Task WriteLineAsync(HttpResponse response, JsonObject line, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(CanonicalJson.Serialize(line) + "\n");
        await response.Body.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
