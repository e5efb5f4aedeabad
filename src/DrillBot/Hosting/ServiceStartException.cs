namespace DrillBot.Hosting;

/// <summary>serve cannot start: every line says why; <see cref="ExitCode"/> is 2 (invalid input) or 3 (the store or the listener broke).</summary>
public sealed class ServiceStartException(int exitCode, IReadOnlyList<string> problems, Exception? inner = null)
    : Exception(string.Join(Environment.NewLine, problems), inner)
{
    public int ExitCode { get; } = exitCode;

    public IReadOnlyList<string> Problems { get; } = problems;
}
