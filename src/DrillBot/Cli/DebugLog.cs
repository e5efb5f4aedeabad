using Microsoft.Extensions.Logging;

namespace DrillBot.Cli;

/// <summary>
/// The CLI's debug log: every engine log line (with exception stack traces) appended to
/// <c>.drillbot/debug.log</c>, so the terminal only ever shows one clear line per error.
/// </summary>
internal sealed class DebugLog : ILoggerProvider, ILogger
{
    private readonly StreamWriter? _writer;
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;

    public DebugLog(string directory, TimeProvider time)
    {
        _time = time;
        try
        {
            Directory.CreateDirectory(directory);
            Path = System.IO.Path.Combine(directory, "debug.log");
            _writer = new StreamWriter(new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Path = null;
        }
    }

    public string? Path { get; }

    public ILoggerFactory Factory()
    {
        var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug));
        factory.AddProvider(this);
        return factory;
    }

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => _writer is not null;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_gate)
        {
            _writer?.WriteLine($"{_time.GetUtcNow():O} {logLevel} {formatter(state, exception)}{(exception is null ? string.Empty : Environment.NewLine + exception)}");
        }
    }

    public void Write(string message, Exception? exception = null) => Log(LogLevel.Error, default, message, exception, (s, _) => s);

    public void Dispose() => _writer?.Dispose();
}
