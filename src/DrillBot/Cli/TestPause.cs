namespace DrillBot.Cli;

/// <summary>
/// The test hook behind <c>DRILLBOT_TEST_PAUSE_AT=POINT[,POINT…]</c> (docs/reliability.md): at each listed engine
/// checkpoint (<see cref="Drills.Running.DrillEngineOptions.Checkpoint"/>) the process writes
/// <c>drillbot-test: paused at POINT</c> to stderr and waits for a line (or end of input) on stdin, or for
/// Ctrl-C/SIGTERM, so that a test can kill it exactly there. Without the variable there is no hook at all.
/// </summary>
internal static class TestPause
{
    public const string Variable = "DRILLBOT_TEST_PAUSE_AT";
    public const string Marker = "drillbot-test: paused at ";

    public static Func<string, ValueTask>? From(CliEnvironment env, CancellationToken stop)
    {
        var value = env.Variables(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var points = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        return async point =>
        {
            if (!points.Contains(point))
            {
                return;
            }

            await env.Error.WriteLineAsync(Marker + point).ConfigureAwait(false);
            await env.Error.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await Task.Run(Console.In.ReadLine, CancellationToken.None).WaitAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C/SIGTERM while paused: the run goes on into its abort and restore
            }
        };
    }
}
