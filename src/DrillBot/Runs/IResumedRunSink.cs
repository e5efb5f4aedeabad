using DrillBot.Drills.Reports;

namespace DrillBot.Runs;

/// <summary>Told about the final report of a run another replica started and this one restored after it died (Slack posts it).</summary>
internal interface IResumedRunSink
{
    Task ReportAsync(DrillReport report, CancellationToken cancellationToken);
}
