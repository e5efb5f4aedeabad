using System.Text.Json.Nodes;
using DrillBot.Store.Audit;

namespace DrillBot.Governance.Audit;

/// <summary>One audit event as JSON, the same for <c>GET /api/audit</c> and <c>drillbot audit --json</c>.</summary>
internal static class AuditDocuments
{
    public static JsonObject Of(AuditRecord record) => new()
    {
        ["seq"] = record.Seq,
        ["at"] = record.At.UtcDateTime,
        ["actor"] = record.Entry.Actor,
        ["source"] = record.Entry.Source,
        ["action"] = record.Entry.Action,
        ["drill"] = record.Entry.Drill,
        ["runId"] = record.Entry.RunId,
        ["approvalId"] = record.Entry.ApprovalId,
        ["detail"] = JsonNode.Parse(record.Entry.DetailJson),
        ["prevHash"] = record.PrevHash,
        ["hash"] = record.Hash,
    };

    public static JsonObject Verification(AuditVerification result) => new()
    {
        ["intact"] = result.Intact,
        ["events"] = result.Checked,
        ["problems"] = new JsonArray([.. result.Problems.Select(p => (JsonNode?)JsonValue.Create(p))]),
    };
}
