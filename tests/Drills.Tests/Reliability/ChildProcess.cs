using System.Diagnostics;

namespace DrillBot.Drills.Tests.Reliability;

/// <summary>Real processes for the liveness tests: a live one, a dead one, a zombie.</summary>
internal static class ChildProcess
{
    public static Process Sleeper() => Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;

    /// <summary>The pid of a process that ran and is gone (reaped).</summary>
    public static int DeadPid()
    {
        using var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        p.WaitForExit();
        return p.Id;
    }

    /// <summary>A shell that starts a child which exits and is never reaped (the shell became <c>sleep</c>): returns (parent, zombie pid).</summary>
    public static async Task<(Process Parent, int Zombie)> ZombieAsync()
    {
        var parent = Process.Start(new ProcessStartInfo("sh", ["-c", "true & exec sleep 60"]) { UseShellExecute = false })!;
        for (var i = 0; i < 500; i++)
        {
            var children = File.Exists($"/proc/{parent.Id}/task/{parent.Id}/children") ? (await File.ReadAllTextAsync($"/proc/{parent.Id}/task/{parent.Id}/children")).Trim() : string.Empty;
            if (children.Length > 0 && int.TryParse(children.Split(' ')[0], out var child)
                && (await File.ReadAllTextAsync($"/proc/{child}/stat")).Split(") ")[1].StartsWith('Z'))
            {
                return (parent, child);
            }

            await Task.Delay(10);
        }

        parent.Kill();
        throw new InvalidOperationException("no zombie appeared");
    }

    public static void Stop(Process p)
    {
        p.Kill();
        p.WaitForExit();
        p.Dispose();
    }

    public static string Owner(int pid) => $"{Environment.MachineName}/{pid}";
}
