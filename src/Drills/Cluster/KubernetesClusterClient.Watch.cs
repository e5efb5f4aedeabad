using System.Runtime.CompilerServices;
using DrillBot.Drills.Journal;
using k8s;
using k8s.Autorest;

namespace DrillBot.Drills.Cluster;

/// <summary>Watches of one object (the drift watch): a list watch limited by a <c>metadata.name</c> field selector.</summary>
internal sealed partial class KubernetesClusterClient
{
    public async IAsyncEnumerable<ObjectEvent> WatchAsync(ObjectRef target, string? resourceVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (group, version, plural) = await PathOf(target.Kind, cancellationToken);
        IAsyncEnumerator<(WatchEventType, object)>? events = null;
        string? failure = null;
        try
        {
            events = client.CustomObjects.WatchListNamespacedCustomObjectAsync(group, version, target.Namespace, plural,
                fieldSelector: $"metadata.name={target.Name}", resourceVersion: resourceVersion, cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException or IOException)
        {
            failure = $"cluster {Name}: watch {target.Kind} {target.Namespace}/{target.Name} failed: {e.Message}";
        }

        try
        {
            while (events is not null && failure is null)
            {
                (WatchEventType Type, object Item) current = default;
                var has = false;
                try
                {
                    has = await events.MoveNextAsync();
                    if (has)
                    {
                        current = events.Current;
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    failure = $"cluster {Name}: watch {target.Kind} {target.Namespace}/{target.Name} failed: {Describe(e)}";
                    break;
                }

                if (!has)
                {
                    break;
                }

                var obj = ToJson(current.Item);
                yield return current.Type == WatchEventType.Error
                    ? new ObjectEvent(ObjectEvent.Failed, obj, obj?["message"]?.ToString() ?? "the watch ended with an error")
                    : new ObjectEvent(current.Type.ToString().ToUpperInvariant(), obj, null);
            }
        }
        finally
        {
            if (events is not null)
            {
                await events.DisposeAsync();
            }
        }

        if (failure is not null && !cancellationToken.IsCancellationRequested)
        {
            yield return new ObjectEvent(ObjectEvent.Failed, null, failure);
        }
    }

    private static string Describe(Exception e) => e is HttpOperationException h ? $"{(int)h.Response.StatusCode} {h.Response.ReasonPhrase}" : e.Message;
}
