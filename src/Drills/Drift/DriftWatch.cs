using System.Text.Json.Nodes;
using DrillBot.Drills.Cluster;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Json;
using DrillBot.Drills.Steps;

namespace DrillBot.Drills.Drift;

/// <summary>
/// Watches every object a run changed, from its change until the restore starts: when something other than DrillBot sets a
/// field the drill set to another value (replicas back to 1, the DestinationRule edited, the paused owner resumed) or deletes
/// the object, the first such change is reported once through <c>onDrift</c>, naming the field manager that wrote it
/// (managedFields). A watch that ends is resumed from the last resourceVersion; one that fails (410 Gone, a broken stream) is
/// followed by a fresh read and a new watch.
/// </summary>
internal sealed class DriftWatch(TimeProvider time, Action<DriftFinding> onDrift) : IAsyncDisposable
{
    private static readonly TimeSpan ReWatchDelay = TimeSpan.FromMilliseconds(500);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<ObjectRef, JsonObject> _expected = [];
    private readonly List<Task> _loops = [];
    private DriftFinding? _found;

    public DriftFinding? Found
    {
        get
        {
            lock (_gate)
            {
                return _found;
            }
        }
    }

    /// <summary>Adds the fields of <paramref name="change"/> (the drill's annotations aside) to what must hold, and watches the object from <paramref name="applied"/>'s resourceVersion.</summary>
    public void Track(IClusterClient client, ObjectRef target, JsonObject change, bool created, JsonObject? applied)
    {
        var fields = (JsonObject)(created ? new JsonObject { ["spec"] = change["spec"]?.DeepClone() } : change.DeepClone());
        DrillAnnotations.RunPath.Remove(fields, _ => false);
        DrillAnnotations.PriorPath.Remove(fields, _ => false);
        lock (_gate)
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            var known = _expected.TryGetValue(target, out var expected);
            _expected[target] = known ? StepExecutor.Merge(expected!, fields) : fields;
            if (!known)
            {
                var from = applied?["metadata"]?["resourceVersion"]?.ToString();
                _loops.Add(Task.Run(() => LoopAsync(client, target, from)));
            }
        }
    }

    private async Task LoopAsync(IClusterClient client, ObjectRef target, string? resourceVersion)
    {
        var token = _stop.Token;
        try
        {
            while (!token.IsCancellationRequested && Found is null)
            {
                var failed = false;
                await foreach (var e in client.WatchAsync(target, resourceVersion, token))
                {
                    if (e.Type == ObjectEvent.Failed)
                    {
                        failed = true;
                        break;
                    }

                    resourceVersion = e.Object?["metadata"]?["resourceVersion"]?.ToString() ?? resourceVersion;
                    Check(target, e.Type == "DELETED" ? null : e.Object);
                }

                if (failed && !token.IsCancellationRequested)
                {
                    await Task.Delay(ReWatchDelay, time, token);
                    var read = await client.GetAsync(target, token);
                    if (read.Ok)
                    {
                        Check(target, read.Value);
                        resourceVersion = read.Value?["metadata"]?["resourceVersion"]?.ToString();
                    }
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // the restore is starting: its own writes are not drift
        }
    }

    private void Check(ObjectRef target, JsonObject? live)
    {
        JsonObject expected;
        lock (_gate)
        {
            if (_found is not null || _stop.IsCancellationRequested)
            {
                return;
            }

            expected = (JsonObject)_expected[target].DeepClone();
        }

        if (live is null)
        {
            Report(new DriftFinding(target, null, null, null, time.GetUtcNow()));
            return;
        }

        foreach (var path in JsonTools.Leaves(expected))
        {
            var (exists, value) = path.Find(live);
            var want = path.Find(expected).Value;
            var holds = want is null ? !exists || value is null : exists && JsonNode.DeepEquals(want, value);
            if (holds)
            {
                continue;
            }

            var managers = FieldManagers.Of(live, path);
            if (managers.Count > 0 && managers[0] == KubernetesClusterClient.FieldManager)
            {
                continue; // DrillBot's own write of a later step, seen before that step updated what must hold
            }

            Report(new DriftFinding(target, path.ToString(), JsonTools.Compact(value), managers.Count > 0 ? managers[0] : null, time.GetUtcNow()));
            return;
        }
    }

    private void Report(DriftFinding finding)
    {
        lock (_gate)
        {
            if (_found is not null || _stop.IsCancellationRequested)
            {
                return;
            }

            _found = finding;
        }

        onDrift(finding);
    }

    /// <summary>Stops every watch (before the restore writes) and waits for them to end.</summary>
    public async ValueTask DisposeAsync()
    {
        Task[] loops;
        lock (_gate)
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            _stop.Cancel();
            loops = [.. _loops];
        }

        await Task.WhenAll(loops);
        _stop.Dispose();
    }
}
