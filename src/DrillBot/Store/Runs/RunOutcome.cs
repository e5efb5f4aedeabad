using System.Globalization;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;

namespace DrillBot.Store.Runs;

/// <summary>
/// How a run ended. <paramref name="ReportJson"/> is the engine's report, stored as opaque text;
/// <paramref name="Summary"/> is a short line for listings (e.g. "passed, recovered in 1.4s").
/// </summary>
public sealed record RunOutcome(
    RunStatus Status,
    Verdict? Verdict,
    RestoreStatus? RestoreStatus,
    DateTimeOffset FinishedAt,
    TimeSpan? Recovery,
    string? Summary,
    string? ReportJson)
{
    /// <summary>
    /// How a finished run is stored: status finished (interrupted when its restore failed: its changes may still be in
    /// the clusters, and recovery finishes it later), verdict, restore, recovery, a one-line summary and the report JSON.
    /// </summary>
    public static RunOutcome Of(DrillReport report) => new(
        report.Restore.Status == Drills.Restore.RestoreStatus.Failed ? RunStatus.Interrupted : RunStatus.Finished,
        report.Verdict,
        report.Restore.Status,
        report.FinishedAt,
        report.Recovery is { } r ? TimeSpan.FromSeconds(r.Seconds) : null,
        SummaryOf(report),
        Drills.Reports.ReportJson.Serialize(report));

    /// <summary>How a run restored after an interruption is stored: status restored-after-interruption, the verdict and summary of its report.</summary>
    public static RunOutcome AfterInterruption(DrillReport report)
    {
        var summary = SummaryOf(report);
        return Of(report) with
        {
            Status = RunStatus.RestoredAfterInterruption,
            Summary = report.Probes.Total == 0 && report.Verdict == Drills.Running.Verdict.Errored ? "errored: interrupted; " + summary : summary + " after an interruption",
        };
    }

    /// <summary>One line for listings: "passed: recovered in 1.4s (cn-shanghai); restore verified", or for an aborted/errored run its first reason first.</summary>
    public static string SummaryOf(DrillReport report)
    {
        var recovered = report.Recovery is { } r ? string.Create(CultureInfo.InvariantCulture, $"recovered in {r.Seconds:0.###}s ({r.ServedBy})") : null;
        var reason = report.Reasons.FirstOrDefault();
        // an aborted or errored run says why first: "aborted: recovered in 0.02s" would hide the shutdown or the abortIf
        var what = report.Verdict is Drills.Running.Verdict.Aborted or Drills.Running.Verdict.Errored && reason is not null
            ? recovered is null ? reason : $"{reason} ({recovered})"
            : recovered ?? reason ?? "no recovery measured";
        if (what.Length > 160)
        {
            what = what[..157] + "...";
        }

        return $"{report.Verdict.WireName()}: {what}; restore {report.Restore.Status.WireName()}";
    }
}
