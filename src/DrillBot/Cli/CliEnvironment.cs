using Spectre.Console;

namespace DrillBot.Cli;

/// <summary>
/// Where the commands write and read: the real terminal and process environment, or (in tests) a
/// captured console, an error writer and a fake environment for the current async flow.
/// </summary>
internal sealed class CliEnvironment
{
    private static readonly AsyncLocal<CliEnvironment?> Current = new();

    /// <summary>
    /// The process's terminal. When output goes to a file or a CI log, Spectre.Console would wrap at
    /// 80 columns and cut tables into unreadable slivers: use <c>COLUMNS</c> or 160 instead.
    /// </summary>
    private static readonly Lazy<IAnsiConsole> Terminal = new(() =>
    {
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns >= 40 ? columns : 160;
        }

        return console;
    });

    public required IAnsiConsole Out { get; init; }
    public required TextWriter Error { get; init; }
    public required Func<string, string?> Variables { get; init; }
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    public static CliEnvironment Get() => Current.Value ?? new CliEnvironment
    {
        Out = Terminal.Value,
        Error = Console.Error,
        Variables = Environment.GetEnvironmentVariable,
    };

    /// <summary>Uses <paramref name="environment"/> for the current async flow until disposed.</summary>
    public static IDisposable Use(CliEnvironment environment)
    {
        var previous = Current.Value;
        Current.Value = environment;
        return new Restorer(previous);
    }

    public string Path(string path) => System.IO.Path.GetFullPath(path, WorkingDirectory);

    /// <summary>One clear error line.</summary>
    public void Fail(string message) => Error.WriteLine($"error: {message}");

    private sealed class Restorer(CliEnvironment? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
