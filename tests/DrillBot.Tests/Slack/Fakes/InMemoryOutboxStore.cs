using DrillBot.Store;

namespace DrillBot.Tests.Slack.Fakes;

/// <summary>An <see cref="IOutboxStore"/> in memory, following the contract's documented semantics; shared by tests.</summary>
public sealed class InMemoryOutboxStore : IOutboxStore
{
    private readonly Lock gate = new();
    private readonly List<Row> rows = [];
    private long nextId = 1;

    public Task<bool> EnqueueAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (rows.Any(r => r.Key == item.Key))
            {
                return Task.FromResult(false);
            }

            rows.Add(new Row(nextId++, item) { NextAttemptAt = item.CreatedAt });
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<OutboxMessage>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<OutboxMessage> due = rows.Where(r => !r.Sent && r.NextAttemptAt <= now)
                .OrderBy(r => r.Item.CreatedAt).ThenBy(r => r.Id).Take(max).Select(r => r.ToMessage()).ToList();
            return Task.FromResult(due);
        }
    }

    public Task MarkSentAsync(long id, string? resultJson, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var row = rows.Single(r => r.Id == id);
            row.Sent = true;
            row.Result = resultJson;
            return Task.CompletedTask;
        }
    }

    public Task MarkRetryAsync(long id, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var row = rows.Single(r => r.Id == id);
            row.Attempts++;
            row.LastError = error;
            row.NextAttemptAt = nextAttemptAt;
            return Task.CompletedTask;
        }
    }

    public Task<string?> GetResultAsync(string key, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(rows.FirstOrDefault(r => r.Key == key && r.Sent)?.Result);
        }
    }

    /// <summary>Snapshot of every row (sent or not) for assertions.</summary>
    public IReadOnlyList<(OutboxMessage Message, bool Sent, string? Result)> Snapshot()
    {
        lock (gate)
        {
            return rows.Select(r => (r.ToMessage(), r.Sent, r.Result)).ToList();
        }
    }

    private sealed class Row(long id, OutboxItem item)
    {
        public long Id { get; } = id;

        public OutboxItem Item { get; } = item;

        public string Key => Item.Key;

        public bool Sent { get; set; }

        public string? Result { get; set; }

        public int Attempts { get; set; }

        public string? LastError { get; set; }

        public DateTimeOffset NextAttemptAt { get; set; }

        public OutboxMessage ToMessage() =>
            new(Id, Item.Key, Item.Kind, Item.PayloadJson, Item.DependsOnKey, Attempts, Item.CreatedAt, NextAttemptAt, LastError);
    }
}
