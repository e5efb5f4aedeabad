using DrillBot.Configuration;
using DrillBot.Drills.Running;
using DrillBot.Slack.BlockKit;
using DrillBot.Store.Approvals;

namespace DrillBot.Slack.Service;

/// <summary>Maps stored approval requests onto what the Slack messages show.</summary>
internal sealed class SlackApprovalViews(DrillsConfigState config)
{
    public SlackApprovalView Of(ApprovalRequest request) => new()
    {
        ApprovalId = request.ApprovalId,
        Drill = request.Drill,
        Description = config.Current.FindDrill(request.Drill)?.Description,
        RequestedBy = request.RequestedBy,
        RequesterSlackId = request.Source.StartsWith("slack:", StringComparison.Ordinal) ? request.RequesterId : null,
        Source = request.Source,
        Required = request.Required,
        Approvers = request.Approvers,
        ExpiresAt = request.ExpiresAt,
        OverrideBlackout = request.OverrideReason,
        Status = request.Status.WireName(),
        ApprovedBy = request.Decisions.Where(d => d.Approved).Select(d => d.ApproverId).ToList(),
        RejectedBy = request.Decisions.FirstOrDefault(d => !d.Approved)?.ApproverId,
        AutoStart = request.AutoStart,
        RunId = request.RunId,
    };
}
