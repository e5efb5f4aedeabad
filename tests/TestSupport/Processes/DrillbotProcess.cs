using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace DrillBot.TestSupport.Processes;

/// <summary>
/// One real <c>drillbot</c> process: output captured, stdin kept open for the test pause hook
/// (<c>DRILLBOT_TEST_PAUSE_AT</c>: the process prints <c>drillbot-test: paused at POINT</c> on stderr and waits
/// for a line), killed by its own pid with SIGKILL or SIGTERM. Tests start the apphost built next to the test
/// assembly (<see cref="NextToThisAssembly"/>, built once per test run, never <c>dotnet run</c>); benchmarks
/// pass the executable they built.
/// </summary>
public sealed class DrillbotProcess : IDisposable
{
    private const string PauseMarker = "drillbot-test: paused at ";
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _pauses = new(StringComparer.Ordinal);

    private DrillbotProcess(Process process) => _process = process;

    /// <summary>The drillbot apphost in the directory of the running test or benchmark assembly.</summary>
    public static string NextToThisAssembly
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "drillbot.exe" : "drillbot");
            return File.Exists(path) ? path : throw new FileNotFoundException($"the drillbot apphost is built next to the tests: {path}", path);
        }
    }

    public int Id => _process.Id;
    public string Out => Read(_out);
    public string Error => Read(_err);
    public string Output => $"--- stdout\n{Out}--- stderr\n{Error}";

    /// <summary>Stdout with line breaks removed: Spectre.Console wraps redirected output at 80 columns (after a space).</summary>
    public string Flat => Out.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal);

    /// <summary>Starts the apphost next to this assembly.</summary>
    public static DrillbotProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        Start(NextToThisAssembly, workingDirectory, environment, arguments);

    public static DrillbotProcess Start(string executable, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable)
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

    /// <summary>Waits until the process paused at <paramref name="point"/>; throws with its output when it exits or 60 s pass first.</summary>
    public async Task PausedAtAsync(string point, TimeSpan? within = null)
    {
        var paused = _pauses.GetOrAdd(point, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        var done = await Task.WhenAny(paused, _process.WaitForExitAsync(), Task.Delay(within ?? TimeSpan.FromSeconds(60)));
        if (done != paused)
        {
            throw new TimeoutException($"drillbot never paused at {point} (exited: {_process.HasExited})\n{Output}");
        }
    }

    /// <summary>Lets a paused process go on.</summary>
    public void Resume() => _process.StandardInput.WriteLine();

    public void Kill() => _process.Kill(); // SIGKILL on Unix

    /// <summary>SIGTERM by pid.</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -TERM {_process.Id} exited {kill.ExitCode}");
        }
    }

    /// <summary>The exit code; a process still running after <paramref name="within"/> (90 s) is killed and that is an error.</summary>
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
            throw new TimeoutException($"drillbot did not exit in time\n{Output}");
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
