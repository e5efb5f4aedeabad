using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;

namespace DrillBot.Cli;

/// <summary>A report's exit code: 4 restore failed (loudest), 3 errored, 5 inconclusive, 1 failed/aborted, 0 passed.</summary>
internal static class ExitCodeOf
{
    public static int Report(DrillReport report) =>
        report.Restore.Status == RestoreStatus.Failed ? ExitCodes.RestoreFailed
        : report.Verdict switch
        {
            Verdict.Passed => ExitCodes.Passed,
            Verdict.Errored => ExitCodes.Errored,
            Verdict.Inconclusive => ExitCodes.Inconclusive,
            _ => ExitCodes.Failed,
        };
}
