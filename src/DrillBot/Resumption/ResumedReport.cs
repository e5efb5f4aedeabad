using DrillBot.Drills.Definitions;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Store.Runs;

namespace DrillBot.Resumption;

/// <summary>
/// The report of a run restored after an interruption, from what the history holds of it: the engine's
/// <see cref="ReportBuilder.Resumed"/> builds it (the run's own report when it has one, else an errored report).
/// </summary>
internal static class ResumedReport
{
    /// <param name="restoredBy">Who finished the restore, e.g. <c>instance drillbot-0</c>.</param>
    /// <param name="note">Replaces the "restored after an interrupted run by …" reason of a run without a report (e.g. nothing was left to restore).</param>
    public static DrillReport Build(string runId, string drill, string owner, RunRecord? record, DateTimeOffset startedAt, RestoreResult restore, string restoredBy, DrillsConfig config, string? note = null) =>
        ReportBuilder.Resumed(
            record?.ReportJson is { } json ? ReportJson.Deserialize(json) : null,
            runId,
            drill,
            config.FindDrill(drill)?.Description,
            record?.Run.Trigger ?? new RunTrigger(TriggerKind.Api, "unknown"),
            record?.Run.StartedAt ?? startedAt,
            owner,
            restore,
            restoredBy,
            note);
}
