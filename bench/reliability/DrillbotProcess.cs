using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace DrillBot.Bench.Reliability;

/// <summary>One drillbot process, its output, the DRILLBOT_TEST_PAUSE_AT markers, SIGKILL/SIGTERM by its own pid.</summary>
internal sealed class DrillbotProcess : IDisposable
{
    private const string Marker = "drillbot-test: paused at ";
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _pauses = new(StringComparer.Ordinal);

    private DrillbotProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public string Flat
    {
        get
        {
            lock (_out)
            {
                return _out.ToString().Replace("\n", string.Empty, StringComparison.Ordinal);
            }
        }
    }

    public static DrillbotProcess Start(string exe, string workDir, Dictionary<string, string> env, string[] arguments)
    {
        var start = new ProcessStartInfo(exe) { WorkingDirectory = workDir, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (k, v) in env)
        {
            start.Environment[k] = v;
        }

        var p = new DrillbotProcess(new Process { StartInfo = start });
        p._process.OutputDataReceived += (_, e) => p.Append(e.Data);
        p._process.ErrorDataReceived += (_, e) =>
        {
            p.Append(e.Data);
            if (e.Data?.StartsWith(Marker, StringComparison.Ordinal) == true)
            {
                p.Pause(e.Data[Marker.Length..]).TrySetResult();
            }
        };
        p._process.Start();
        p._process.BeginOutputReadLine();
        p._process.BeginErrorReadLine();
        return p;
    }

    public async Task<bool> PausedAtAsync(string point)
    {
        var paused = Pause(point).Task;
        return await Task.WhenAny(paused, _process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(120))) == paused;
    }

    public void Kill() => _process.Kill();

    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    public async Task<int> ExitCodeAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            return -1;
        }

        _process.WaitForExit();
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

    private TaskCompletionSource Pause(string point) => _pauses.GetOrAdd(point, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_out)
            {
                _out.AppendLine(line);
            }
        }
    }
}
