using System.Diagnostics;
using System.Text;

namespace DrillBot.Tests.Support.Postgres;

/// <summary>Runs a command to completion (optionally as another user via <c>runuser</c>) and captures its output.</summary>
internal static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(string? asUser, string workingDirectory, TimeSpan timeout, string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asUser is null)
        {
            start.FileName = fileName;
        }
        else
        {
            start.FileName = "runuser";
            foreach (var a in new[] { "-u", asUser, "--", fileName })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timer = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(timer.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return new ProcessResult(-1, $"{fileName} timed out after {timeout.TotalSeconds:0}s. {Text(output)}");
        }

        process.WaitForExit();
        return new ProcessResult(process.ExitCode, Text(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
