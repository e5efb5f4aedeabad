using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Restore;

/// <summary>
/// A write-ahead journal in files, for CLI runs: one append-only JSON-lines file per run in
/// <c>directory</c> (default <c>./.drillbot/journal</c>), each line flushed to disk before the call
/// returns. A torn last line (a crash mid-write) is ignored when reading.
/// </summary>
public sealed class FileJournal : IJournal
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private readonly SemaphoreSlim _gate = new(1, 1);

    public FileJournal(string directory)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
    }

    public string Directory { get; }

    public static string DefaultDirectory => Path.Combine(Environment.CurrentDirectory, ".drillbot", "journal");

    public Task BeginRunAsync(JournalRun run, CancellationToken cancellationToken) => AppendAsync(run.RunId, new JsonObject { ["t"] = "begin", ["run"] = Node(run) }, cancellationToken);

    public Task RecordAsync(JournalEntry entry, CancellationToken cancellationToken) => AppendAsync(entry.RunId, new JsonObject { ["t"] = "record", ["entry"] = Node(entry) }, cancellationToken);

    public Task MarkAppliedAsync(string runId, int sequence, string? appliedJson, CancellationToken cancellationToken) =>
        AppendAsync(runId, new JsonObject { ["t"] = "applied", ["seq"] = sequence, ["json"] = appliedJson }, cancellationToken);

    public Task MarkRestoredAsync(string runId, int sequence, bool ok, string? detail, CancellationToken cancellationToken) =>
        AppendAsync(runId, new JsonObject { ["t"] = "restored", ["seq"] = sequence, ["ok"] = ok, ["detail"] = detail }, cancellationToken);

    public Task CompleteRunAsync(string runId, string outcome, CancellationToken cancellationToken) =>
        AppendAsync(runId, new JsonObject { ["t"] = "complete", ["outcome"] = outcome }, cancellationToken);

    public async Task<IReadOnlyList<UnfinishedRun>> GetUnfinishedRunsAsync(CancellationToken cancellationToken)
    {
        var result = new List<UnfinishedRun>();
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var run = FileJournalReader.Read(await File.ReadAllLinesAsync(file, cancellationToken), Options);
            if (run is not null)
            {
                result.Add(run);
            }
        }

        return result.OrderBy(r => r.Run.StartedAt).ToList();
    }

    private static JsonNode Node<T>(T value) => JsonSerializer.SerializeToNode(value, Options)!;

    private async Task AppendAsync(string runId, JsonObject line, CancellationToken cancellationToken)
    {
        if (runId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || runId.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"run id '{runId}' cannot name a journal file", nameof(runId));
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(line.ToJsonString() + "\n");
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var stream = new FileStream(Path.Combine(Directory, runId + ".jsonl"), FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.WriteThrough);
            await stream.WriteAsync(bytes, cancellationToken);
            stream.Flush(flushToDisk: true);
        }
        finally
        {
            _gate.Release();
        }
    }
}
