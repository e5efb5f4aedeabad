using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DrillBot.Tests.Service.Support;

/// <summary>Captures every log line of a service host, formatted with its scopes and exception, for assertions (secrets, runId scopes).</summary>
internal sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> lines = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<string> Lines => lines.ToList();

    public string Text => string.Join("\n", lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new List<string>();
            owner.scopes.ForEachScope((s, list) => list.Add(s?.ToString() ?? string.Empty), scope);
            owner.lines.Enqueue($"{logLevel} {category} [{string.Join(" | ", scope)}] {formatter(state, exception)}{(exception is null ? string.Empty : " " + exception)}");
        }
    }
}
