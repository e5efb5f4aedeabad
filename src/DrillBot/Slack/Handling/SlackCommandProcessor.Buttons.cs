using DrillBot.Slack.BlockKit;
using DrillBot.Slack.Interactions;

namespace DrillBot.Slack.Handling;

/// <summary>The buttons: Abort (allowed users), Approve/Reject (the drill's approvers), Confirm/Cancel of an override (only the user who asked).</summary>
public sealed partial class SlackCommandProcessor
{
    /// <summary>Handles a button click; returns at once, the work and its reply happen in the background.</summary>
    public async Task<string> HandleBlockActionsAsync(BlockActionsPayload payload, string deliveryKey)
    {
        var action = payload.Actions.FirstOrDefault(a => a.ActionId is SlackActionIds.Abort or SlackActionIds.Approve or SlackActionIds.Reject or SlackActionIds.ConfirmOverride or SlackActionIds.CancelOverride);
        if (!payload.IsBlockActions || action is null)
        {
            return "ignored";
        }

        return action.ActionId switch
        {
            SlackActionIds.Approve or SlackActionIds.Reject => await DecideAsync(payload, action, deliveryKey).ConfigureAwait(false),
            SlackActionIds.ConfirmOverride or SlackActionIds.CancelOverride => await OverrideAsync(payload, action, deliveryKey).ConfigureAwait(false),
            _ => await AbortAsync(payload, action, deliveryKey).ConfigureAwait(false),
        };
    }

    private async Task<string> AbortAsync(BlockActionsPayload payload, BlockAction abort, string deliveryKey)
    {
        if (!options.AllowedUsers.Allows(payload.UserId))
        {
            SlackLog.RequestRefused(logger, "interaction", $"user {payload.UserId} may not abort");
            await RespondAsync(payload.ResponseUrl, deliveryKey, CommandReplies.NotAllowed("abort drills")).ConfigureAwait(false);
            return "forbidden";
        }

        if (!await dedupe.TryBeginAsync(deliveryKey, lifetime.Token).ConfigureAwait(false))
        {
            SlackLog.DuplicateDelivery(logger, deliveryKey, "-");
            return "duplicate";
        }

        var runId = string.IsNullOrWhiteSpace(abort.Value) ? null : abort.Value;
        var answer = Guarded(async ct => OutcomeReplies.Abort(await service.AbortRunAsync(runId, payload.UserId, ct).ConfigureAwait(false), payload.UserId));
        work.Track(RespondLaterAsync(answer, payload.ResponseUrl, deliveryKey));
        return "ok";
    }

    /// <summary>Approve/Reject: whether the user may decide is the host's (approvers, never the requester); the reply says what happened.</summary>
    private async Task<string> DecideAsync(BlockActionsPayload payload, BlockAction action, string deliveryKey)
    {
        if (string.IsNullOrWhiteSpace(action.Value))
        {
            return "ignored";
        }

        if (!await dedupe.TryBeginAsync(deliveryKey, lifetime.Token).ConfigureAwait(false))
        {
            SlackLog.DuplicateDelivery(logger, deliveryKey, "-");
            return "duplicate";
        }

        var approve = action.ActionId == SlackActionIds.Approve;
        var name = string.IsNullOrWhiteSpace(payload.UserName) ? payload.UserId : payload.UserName;
        var answer = Guarded(async ct => GovernanceReplies.Decision(await service.DecideApprovalAsync(action.Value, payload.UserId, name, approve, ct).ConfigureAwait(false)));
        work.Track(RespondLaterAsync(answer, payload.ResponseUrl, deliveryKey));
        return "ok";
    }

    /// <summary>Confirm/Cancel of an override: only the user who asked (and who may still run drills); one run per question.</summary>
    private async Task<string> OverrideAsync(BlockActionsPayload payload, BlockAction action, string deliveryKey)
    {
        if (OverrideTicket.Parse(action.Value) is not { } ticket)
        {
            return "ignored";
        }

        if (payload.UserId != ticket.UserId)
        {
            SlackLog.RequestRefused(logger, "interaction", $"user {payload.UserId} clicked the override of {ticket.UserId}");
            await RespondAsync(payload.ResponseUrl, deliveryKey, GovernanceReplies.NotYourOverride(ticket.UserId)).ConfigureAwait(false);
            return "forbidden";
        }

        if (!options.AllowedUsers.Allows(payload.UserId))
        {
            await RespondAsync(payload.ResponseUrl, deliveryKey, CommandReplies.NotAllowed("start drills")).ConfigureAwait(false);
            return "forbidden";
        }

        if (action.ActionId == SlackActionIds.CancelOverride)
        {
            await RespondAsync(payload.ResponseUrl, deliveryKey, GovernanceReplies.OverrideCancelled(ticket.Drill), replaceOriginal: true).ConfigureAwait(false);
            return "ok";
        }

        if (ticket.ExpiredAt(time.GetUtcNow()))
        {
            await RespondAsync(payload.ResponseUrl, deliveryKey, GovernanceReplies.OverrideExpired(ticket.Drill), replaceOriginal: true).ConfigureAwait(false);
            return "expired";
        }

        if (!await dedupe.TryBeginAsync("slack/override/" + ticket.Nonce, lifetime.Token).ConfigureAwait(false))
        {
            SlackLog.DuplicateDelivery(logger, deliveryKey, ticket.Nonce);
            return "duplicate";
        }

        var name = string.IsNullOrWhiteSpace(payload.UserName) ? payload.UserId : payload.UserName;
        var request = new SlackStartRequest(ticket.Drill, false, payload.UserId, name, payload.ChannelId, deliveryKey) { OverrideBlackout = ticket.Reason };
        var answer = Guarded(async ct => OutcomeReplies.Start(await service.StartRunAsync(request, ct).ConfigureAwait(false), ticket.Drill, options.Channel));
        work.Track(RespondLaterAsync(answer, payload.ResponseUrl, deliveryKey, replaceOriginal: true));
        return "ok";
    }
}
