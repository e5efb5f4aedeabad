using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace DrillBot.Tests.Reliability;

/// <summary>
/// One real <c>drillbot</c> process: the apphost built with this test project (next to the test assembly, so it
/// is built once per test run, never <c>dotnet run</c>), output captured, stdin kept open for the test pause
/// hook (<c>DRILLBOT_TEST_PAUSE_AT</c>), killed by its own pid with SIGKILL or SIGTERM.
/// </summary>
internal sealed class DrillbotProcess : IDisposable
{
    private const string PauseMarker = "drillbot-test: paused at ";
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _pauses = new(StringComparer.Ordinal);

    private DrillbotProcess(Process process) => _process = process;

    public static string Executable
    {
        get
        {
            var path = Path.Combine(TestContext.CurrentContext.TestDirectory, OperatingSystem.IsWindows() ? "drillbot.exe" : "drillbot");
            Assert.That(File.Exists(path), Is.True, $"the drillbot apphost is built next to the tests: {path}");
            return path;
        }
    }

    public int Id => _process.Id;
    public string Out => Read(_out);
    public string Error => Read(_err);
    public string Output => $"--- stdout\n{Out}--- stderr\n{Error}";

    /// <summary>Stdout with line breaks removed: Spectre.Console wraps redirected output at 80 columns (after a space).</summary>
    public string Flat => Out.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal);

    public static DrillbotProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new DrillbotProcess(new Process { StartInfo = start });
        process._process.OutputDataReceived += (_, e) => Append(process._out, e.Data);
        process._process.ErrorDataReceived += (_, e) => process.OnError(e.Data);
        process._process.Start();
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Waits until the process paused at <paramref name="point"/> (or fails the test with its output).</summary>
    public async Task PausedAtAsync(string point)
    {
        var paused = _pauses.GetOrAdd(point, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        var done = await Task.WhenAny(paused, _process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (done != paused)
        {
            Assert.Fail($"drillbot never paused at {point} (exited: {_process.HasExited})\n{Output}");
        }
    }

    /// <summary>Lets a paused process go on.</summary>
    public void Resume() => _process.StandardInput.WriteLine();

    public void Kill() => _process.Kill(); // SIGKILL on Unix

    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.That(kill.ExitCode, Is.Zero, "kill -TERM");
    }

    public async Task<int> ExitCodeAsync(TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(90));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            Assert.Fail($"drillbot did not exit in time\n{Output}");
        }

        _process.WaitForExit(); // drains the output
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void OnError(string? line)
    {
        Append(_err, line);
        if (line?.StartsWith(PauseMarker, StringComparison.Ordinal) == true)
        {
            _pauses.GetOrAdd(line[PauseMarker.Length..], _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    private static void Append(StringBuilder to, string? line)
    {
        if (line is not null)
        {
            lock (to)
            {
                to.AppendLine(line);
            }
        }
    }

    private static string Read(StringBuilder from)
    {
        lock (from)
        {
            return from.ToString();
        }
    }
}
