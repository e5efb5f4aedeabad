using System.Text.Json.Nodes;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Running;
using DrillBot.Drills.Running.Events;
using DrillBot.Runs;

namespace DrillBot.Governance.Audit;

/// <summary>
/// The end of every run in the audit log, for runs of this replica and runs resumed after a crash alike: one
/// <c>restore</c> event per restored object (fields as the drill set them and after restore, verified or not) and the
/// <c>run.verdict</c> (verdict, restore status, reasons).
/// </summary>
internal sealed class AuditRunSinks(AuditLog audit, RunsOptions options) : IRunSinkSource, IResumedRunSink
{
    public IRunSink Create(DrillDefinition drill, RunRequest request, string runId) => new Sink(this);

    public Task ReportAsync(DrillReport report, CancellationToken cancellationToken) => RecordAsync(report, cancellationToken);

    private async Task RecordAsync(DrillReport report, CancellationToken cancellationToken)
    {
        var source = "service:" + options.InstanceId;
        foreach (var item in report.Restore.Objects)
        {
            var detail = new JsonObject
            {
                ["object"] = $"{item.Cluster} {item.Kind} {item.Namespace}/{item.Name}",
                ["step"] = item.Step,
                ["ok"] = item.Ok,
                ["verified"] = item.Verified,
                ["before"] = Parse(item.Before),
                ["during"] = Parse(item.During),
                ["after"] = item.After is null ? null : Parse(item.After),
                ["conflicts"] = new JsonArray([.. item.Conflicts.Select(c => (JsonNode?)JsonValue.Create(c))]),
                ["error"] = item.Error,
            };
            await audit.TryRecordAsync(AuditLog.Entry("drillbot", source, AuditActions.Restore, detail, report.Drill, report.RunId), cancellationToken);
        }

        var verdict = new JsonObject
        {
            ["verdict"] = report.Verdict.WireName(),
            ["restore"] = report.Restore.Status.WireName(),
            ["trigger"] = report.Trigger.Kind.WireName(),
            ["by"] = report.Trigger.By,
            ["reasons"] = new JsonArray([.. report.Reasons.Select(r => (JsonNode?)JsonValue.Create(r))]),
        };
        await audit.TryRecordAsync(AuditLog.Entry("drillbot", source, AuditActions.Verdict, verdict, report.Drill, report.RunId), cancellationToken);
    }

    private static JsonNode? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(json);
        }
    }

    private sealed class Sink(AuditRunSinks owner) : IRunSink
    {
        public Task HandleAsync(DrillEvent drillEvent, CancellationToken cancellationToken) =>
            drillEvent is RunFinished finished ? owner.RecordAsync(finished.Report, cancellationToken) : Task.CompletedTask;
    }
}
