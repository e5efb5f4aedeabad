using System.Diagnostics;
using System.Globalization;

namespace DrillBot.Tests.Support.Postgres;

/// <summary>
/// The directories throwaway servers live in: <c>$TMPDIR/drillbot-pg/&lt;test-process-id&gt;-&lt;random&gt;</c>.
/// Before a new server starts, directories whose test process is gone (a crashed or killed run) are
/// cleaned up: their server is stopped and the directory deleted, so leftovers never pile up or block.
/// </summary>
internal static class StaleServers
{
    public static string Root => Path.Combine(Path.GetTempPath(), "drillbot-pg");

    public static string NewServerDirectory(string? owner, int testProcessId)
    {
        System.IO.Directory.CreateDirectory(Root);
        if (!OperatingSystem.IsWindows())
        {
            // the postgres user must be able to reach its own directory below this one
            File.SetUnixFileMode(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        var directory = Path.Combine(Root, $"{testProcessId}-{Guid.NewGuid():N}"[..20]);
        System.IO.Directory.CreateDirectory(directory);
        if (owner is not null)
        {
            using var chown = Process.Start("chown", [owner, directory]);
            chown.WaitForExit();
            if (chown.ExitCode != 0)
            {
                throw new InvalidOperationException($"chown {owner} {directory} failed ({chown.ExitCode}).");
            }
        }

        return directory;
    }

    /// <summary>Stops and deletes the servers of test processes that no longer exist.</summary>
    public static async Task CleanUpAsync(PostgresBinaries binaries, string? runAs)
    {
        if (!System.IO.Directory.Exists(Root))
        {
            return;
        }

        foreach (var directory in System.IO.Directory.GetDirectories(Root))
        {
            var name = Path.GetFileName(directory);
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && int.TryParse(name[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !IsAlive(pid))
            {
                await RemoveAsync(binaries, directory, runAs);
            }
        }
    }

    /// <summary>Stops a server left in <paramref name="directory"/> (if it runs) and deletes the directory.</summary>
    public static async Task RemoveAsync(PostgresBinaries binaries, string directory, string? runAs)
    {
        var data = Path.Combine(directory, "data");
        if (File.Exists(Path.Combine(data, "postmaster.pid")) && File.Exists(binaries.PgCtl))
        {
            await ProcessRunner.RunAsync(runAs, directory, TimeSpan.FromSeconds(30), binaries.PgCtl, "-D", data, "-m", "immediate", "-w", "stop");
        }

        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open by a dying process; the next run's clean-up takes it
        }
        catch (UnauthorizedAccessException)
        {
            // as above
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
