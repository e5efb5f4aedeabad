using System.Text.Json.Nodes;
using DrillBot.Drills.Cluster;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Steps;

/// <summary>
/// Applies one object step: read the object, write its prior state to the journal (write-ahead),
/// mutate it together with the <c>drillbot.io/*</c> annotations, mark the entry applied. A 409 means
/// someone changed the object between read and write: read again and retry (a new entry each time).
/// </summary>
internal sealed class StepExecutor(IJournal journal, TimeProvider time)
{
    private const int MaxConflicts = 5;

    public Task<StepOutcome> ApplyAsync(string runId, Func<int> nextSequence, ObjectStepDefinition step, IClusterClient client, Action<JournalEntry> onRecorded, CancellationToken cancellationToken, Func<string, ValueTask>? checkpoint = null)
    {
        var target = ChangeBuilder.TargetOf(step);
        return ApplyAsync(runId, nextSequence, new ChangeRequest(target, step.Kind, current => ChangeBuilder.Build(step, current) switch
        {
            { } change => (change, null),
            null when step is FailWorkloadStep => (null, new ClusterError(ClusterErrorKind.Conflict, 409, $"cluster {target.Cluster}: {target.Kind} {target.Namespace}/{target.Name} already exists and is not this drill's; give failWorkload.name another name or delete it")),
            null => (null, new ClusterError(ClusterErrorKind.NotFound, 404, $"cluster {target.Cluster}: get {target.Kind} {target.Namespace}/{target.Name}: it does not exist")),
        }), client, onRecorded, cancellationToken, checkpoint);
    }

    /// <summary>Applies any change the same way: owners' pauses go through here too, journaled before they are made.</summary>
    public async Task<StepOutcome> ApplyAsync(string runId, Func<int> nextSequence, ChangeRequest request, IClusterClient client, Action<JournalEntry> onRecorded, CancellationToken cancellationToken, Func<string, ValueTask>? checkpoint = null)
    {
        checkpoint ??= _ => ValueTask.CompletedTask;
        var target = request.Target;
        var recorded = new List<JournalEntry>();
        var rejected = new List<int>();
        ClusterError? last = null;
        for (var attempt = 0; attempt < MaxConflicts; attempt++)
        {
            var read = await client.GetAsync(target, cancellationToken);
            if (!read.Ok)
            {
                return Failed(recorded, read.Error!, request.Step);
            }

            var current = read.Value;
            if (DrillAnnotations.RunOf(current) is { } other && other != runId)
            {
                return Failed(recorded, new ClusterError(ClusterErrorKind.Conflict, null, $"cluster {target.Cluster}: {target.Kind} {target.Namespace}/{target.Name} still carries the changes of run {other}; run `drillbot restore` first"), request.Step);
            }

            var (change, refusal) = request.Build(current);
            if (change is null)
            {
                return Failed(recorded, refusal!, request.Step);
            }

            var annotations = DrillAnnotations.Patch(runId, DrillAnnotations.PriorOf(current, change.Fields, change.Kind));
            var full = Merge(change.Fields, annotations);
            var entry = new JournalEntry(runId, nextSequence(), target, request.Step, current?.ToJsonString(), full.ToJsonString(), time.GetUtcNow());
            await journal.RecordAsync(entry, cancellationToken);
            recorded.Add(entry);
            onRecorded(entry);
            await checkpoint("step-captured");

            // from here on the mutation is not cancelled half-way: restore must know whether it happened

            var (applied, error) = await MutateAsync(client, change, current, annotations, full, checkpoint, CancellationToken.None);
            var acknowledged = time.GetUtcNow();
            if (error is null)
            {
                await journal.MarkAppliedAsync(runId, entry.Sequence, applied?.ToJsonString(), CancellationToken.None);
                return new StepOutcome(true, recorded, applied, acknowledged, null, change.Description) { Rejected = rejected };
            }

            last = error;
            if (error.Kind != ClusterErrorKind.Conflict)
            {
                return Failed(recorded, error, request.Step) with { Rejected = rejected };
            }

            // 409 on the first write: the object changed since it was read and nothing of this entry was applied
            await journal.MarkRestoredAsync(runId, entry.Sequence, true, "refused with 409 Conflict before anything changed: nothing to restore", CancellationToken.None);
            rejected.Add(entry.Sequence);
        }

        return Failed(recorded, last!, request.Step) with { Rejected = rejected };
    }

    /// <summary>
    /// The writes of one step; a patch carries the resourceVersion read, so the first write of a changed object
    /// is refused with 409 (and only the first write: a Conflict means nothing was applied).
    /// </summary>
    private static async Task<(JsonObject? Applied, ClusterError? Error)> MutateAsync(IClusterClient client, StepChange change, JsonObject? current, JsonObject annotations, JsonObject full, Func<string, ValueTask> checkpoint, CancellationToken cancellationToken)
    {
        var target = change.Target;
        switch (change.Kind)
        {
            case ChangeKind.Create:
                var created = await client.CreateAsync(target, full, cancellationToken);
                return (created.Value, created.Error);
            case ChangeKind.Patch:
                var patched = await client.PatchAsync(target, ResourceVersions.Require((JsonObject)full.DeepClone(), current), cancellationToken);
                return (patched.Value, patched.Error);
            default:
                var annotated = await client.PatchAsync(target, ResourceVersions.Require((JsonObject)annotations.DeepClone(), current), cancellationToken);
                if (!annotated.Ok)
                {
                    return (null, annotated.Error);
                }

                await checkpoint("step-annotated");
                var replicas = change.Fields["spec"]!["replicas"]!.GetValue<int>();
                var scaled = await client.PatchScaleAsync(target.Namespace, target.Name, replicas, cancellationToken);
                if (!scaled.Ok)
                {
                    // the annotations are on the object: never report this as a refused (nothing applied) write
                    return (null, scaled.Error!.Kind == ClusterErrorKind.Conflict ? scaled.Error with { Kind = ClusterErrorKind.Unavailable } : scaled.Error);
                }

                var after = await client.GetAsync(target, cancellationToken);
                return (after.Value, null);
        }
    }

    private static StepOutcome Failed(List<JournalEntry> recorded, ClusterError error, string step) =>
        new(false, recorded, null, null, error, $"{step} failed: {error.Message}");

    /// <summary>Deep-merges two merge-patch objects (b wins).</summary>
    internal static JsonObject Merge(JsonObject a, JsonObject b)
    {
        var result = (JsonObject)a.DeepClone();
        foreach (var (key, value) in b)
        {
            result[key] = result[key] is JsonObject left && value is JsonObject right ? Merge(left, right) : value?.DeepClone();
        }

        return result;
    }
}
