using DrillBot.Governance.Approvals;
using DrillBot.Slack.BlockKit;
using DrillBot.Slack.Outbox;
using DrillBot.Store.Approvals;

namespace DrillBot.Slack.Service;

/// <summary>
/// Approval requests in the run channel, through the outbox: the request with Approve/Reject, each decision in its
/// thread, and the request replaced once it is rejected, expired, or approved (a Slack request that starts its run is
/// closed by <see cref="SlackDrillService"/> once the run started, naming it).
/// </summary>
internal sealed class SlackApprovalNotifier(SlackOutbox outbox, SlackApprovalViews views) : IApprovalNotifier
{
    public Task RequestedAsync(ApprovalRequest request, CancellationToken cancellationToken) =>
        outbox.ApprovalRequestedAsync(views.Of(request), cancellationToken);

    public async Task DecidedAsync(ApprovalRequest request, ApprovalDecision decision, CancellationToken cancellationToken)
    {
        await outbox.ApprovalThreadAsync(request.ApprovalId, "decision-" + decision.ApproverId, ApprovalMessages.Decision(decision.ApproverId, decision.Approved, request.Approvals, request.Required), cancellationToken);
        if (request.Status == ApprovalStatus.Rejected || (request.Status == ApprovalStatus.Approved && !request.AutoStart))
        {
            if (request.Status == ApprovalStatus.Approved)
            {
                await outbox.ApprovalThreadAsync(
                    request.ApprovalId,
                    "usable",
                    ApprovalMessages.Note(
                        $":white_check_mark: Approved: run it with `POST /api/drills/{SlackText.Escape(request.Drill)}/runs {{\"approvalId\": \"{request.ApprovalId}\"}}` before {SlackFormat.Date(request.ExpiresAt)}.",
                        $"Approved: run it with the approvalId {request.ApprovalId}"),
                    cancellationToken);
            }

            await outbox.ApprovalClosedAsync(views.Of(request), cancellationToken);
        }
    }

    public async Task ExpiredAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        await outbox.ApprovalThreadAsync(
            request.ApprovalId,
            "expired",
            ApprovalMessages.Note($":hourglass: Expired at {SlackFormat.Date(request.ExpiresAt)} with {request.Approvals} of {request.Required} approvals; nothing ran.", $"Expired with {request.Approvals} of {request.Required} approvals"),
            cancellationToken);
        await outbox.ApprovalClosedAsync(views.Of(request), cancellationToken);
    }

    public Task NoteAsync(ApprovalRequest request, string key, string text, CancellationToken cancellationToken) =>
        outbox.ApprovalThreadAsync(request.ApprovalId, key, ApprovalMessages.Note(SlackText.Escape(text), text), cancellationToken);
}
