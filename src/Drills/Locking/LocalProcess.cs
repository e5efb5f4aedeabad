using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace DrillBot.Drills.Locking;

/// <summary>
/// Checks an owner of the form <c>host/pid</c> (<see cref="Running.DrillEngineOptions.Owner"/>'s default) on this
/// machine. A pid that no longer runs, or that belongs to a process started after the owner was last known
/// to be alive (the pid was reused), is <see cref="ProcessState.Dead"/>. Another host, or any other owner
/// shape, is <see cref="ProcessState.Unknown"/>: callers then fall back to lease expiry.
/// </summary>
internal static class LocalProcess
{
    /// <summary>
    /// A process counts as a later one only when it started more than this after the owner was known alive:
    /// a margin for clock adjustments, erring towards "alive" (which only delays a takeover until lease expiry).
    /// </summary>
    public static readonly TimeSpan StartSlack = TimeSpan.FromSeconds(2);

    public static ProcessState Check(string owner, DateTimeOffset knownAliveAt)
    {
        var slash = owner.LastIndexOf('/');
        if (slash <= 0
            || !int.TryParse(owner.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || pid <= 0
            || !string.Equals(owner[..slash], Environment.MachineName, StringComparison.OrdinalIgnoreCase))
        {
            return ProcessState.Unknown;
        }

        return Check(pid, knownAliveAt);
    }

    public static ProcessState Check(int pid, DateTimeOffset knownAliveAt)
    {
        if (OperatingSystem.IsLinux())
        {
            string stat;
            try
            {
                stat = File.ReadAllText($"/proc/{pid}/stat");
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                return ProcessState.Dead;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return ProcessState.Unknown;
            }

            // "pid (comm) S ...": the state follows the last ')'; Z (zombie) and X (dead) no longer run
            var close = stat.LastIndexOf(')');
            if (close > 0 && close + 2 < stat.Length && stat[close + 2] is 'Z' or 'X')
            {
                return ProcessState.Dead;
            }
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            var started = new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
            return started > knownAliveAt + StartSlack ? ProcessState.Dead : ProcessState.Alive;
        }
        catch (ArgumentException)
        {
            return ProcessState.Dead; // no process with this id
        }
        catch (InvalidOperationException)
        {
            return ProcessState.Dead; // it exited while we looked
        }
        catch (Exception e) when (e is Win32Exception or NotSupportedException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return ProcessState.Unknown;
        }
    }
}
