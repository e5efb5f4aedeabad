using System.Text.Json.Nodes;
using DrillBot.Slack.BlockKit;
using DrillBot.Slack.Commands;
using DrillBot.Slack.Interactions;
using DrillBot.Slack.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DrillBot.Slack.Handling;

/// <summary>
/// The Slack logic shared by the HTTP endpoints and Socket Mode: parse <c>/drill</c>, authorize,
/// deduplicate redeliveries, call <see cref="ISlackDrillService"/>, and answer. A command answers
/// inline when the service replies within <see cref="SlackHandlerOptions.InlineAnswerBudget"/>,
/// otherwise "Working on it…" now and the answer later via <c>response_url</c> (through the outbox).
/// Button clicks always answer at once and work in the background.
/// </summary>
public sealed partial class SlackCommandProcessor : IAsyncDisposable
{
    private readonly SlackHandlerOptions options;
    private readonly ISlackDrillService service;
    private readonly ISlackDeliveryDedupe dedupe;
    private readonly SlackOutbox outbox;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly BackgroundWork work = new();
    private readonly CancellationTokenSource lifetime = new();
    private int disposed;

    public SlackCommandProcessor(
        SlackHandlerOptions options,
        ISlackDrillService service,
        ISlackDeliveryDedupe dedupe,
        SlackOutbox outbox,
        TimeProvider time,
        ILogger<SlackCommandProcessor>? logger = null)
    {
        this.options = options;
        this.service = service;
        this.dedupe = dedupe;
        this.outbox = outbox;
        this.time = time;
        this.logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Work still running in the background (tests and shutdown).</summary>
    public int PendingWork => work.Count;

    /// <summary>Answers a slash command. <paramref name="deliveryKey"/> identifies this delivery (same on redelivery).</summary>
    /// <returns>The ephemeral reply (body for the HTTP answer or the Socket Mode ack) and a metrics label.</returns>
    public async Task<(JsonObject Reply, string Result)> HandleSlashCommandAsync(SlashCommand command, string deliveryKey)
    {
        var parsed = DrillCommandParser.Parse(command.Text);
        switch (parsed)
        {
            case DrillCommand.Invalid invalid:
                return (CommandReplies.Usage(invalid.Problem).ToJson("ephemeral"), "usage");
            case DrillCommand.Help:
                return (CommandReplies.Help().ToJson("ephemeral"), "ok");
            case { NeedsPermission: true } when !options.AllowedUsers.Allows(command.UserId):
            case DrillCommand.Freeze when !options.AllowedUsers.Allows(command.UserId) && !options.FreezeUsers.Allows(command.UserId):
                SlackLog.RequestRefused(logger, "command", $"user {command.UserId} may not {Verb(parsed)}");
                return (CommandReplies.NotAllowed(Verb(parsed)).ToJson("ephemeral"), "forbidden");
        }

        if ((parsed.NeedsPermission || parsed is DrillCommand.Freeze) && !await dedupe.TryBeginAsync(deliveryKey, lifetime.Token).ConfigureAwait(false))
        {
            SlackLog.DuplicateDelivery(logger, deliveryKey, "-");
            return (CommandReplies.AlreadyHandled().ToJson("ephemeral"), "duplicate");
        }

        var answer = AnswerAsync(parsed, command);
        if (!answer.IsCompleted && options.InlineAnswerBudget > TimeSpan.Zero)
        {
            using var budget = new CancellationTokenSource(options.InlineAnswerBudget, time);
            await Task.WhenAny(answer, Task.Delay(Timeout.InfiniteTimeSpan, budget.Token)).ConfigureAwait(false);
        }

        if (answer.IsCompleted)
        {
            return (answer.Result.ToJson("ephemeral"), "ok");
        }

        work.Track(RespondLaterAsync(answer, command.ResponseUrl, deliveryKey));
        return (CommandReplies.Working().ToJson("ephemeral"), "deferred");
    }

    /// <summary>Waits for background work (call on shutdown, after the endpoints stopped).</summary>
    public Task DrainAsync() => work.DrainAsync();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await lifetime.CancelAsync().ConfigureAwait(false);
        await DrainAsync().ConfigureAwait(false);
        lifetime.Dispose();
    }

    private Task<SlackMessage> AnswerAsync(DrillCommand command, SlashCommand slash) => Guarded(async ct => command switch
    {
        DrillCommand.Run { OverrideBlackout: { } reason, DryRun: false } run => await OverrideQuestionAsync(run.Drill, reason, slash.UserId, ct).ConfigureAwait(false),
        DrillCommand.Run run => OutcomeReplies.Start(
            await service.StartRunAsync(new SlackStartRequest(run.Drill, run.DryRun, slash.UserId, slash.UserName, slash.ChannelId, slash.TriggerId) { OverrideBlackout = run.OverrideBlackout }, ct).ConfigureAwait(false),
            run.Drill,
            options.Channel),
        DrillCommand.Freeze freeze => GovernanceReplies.Freeze(await service.FreezeAsync(slash.UserId, slash.UserName, freeze.Reason, ct).ConfigureAwait(false)),
        DrillCommand.Unfreeze => GovernanceReplies.Freeze(await service.UnfreezeAsync(slash.UserId, slash.UserName, ct).ConfigureAwait(false)),
        DrillCommand.Abort abort => OutcomeReplies.Abort(await service.AbortRunAsync(abort.RunId, slash.UserId, ct).ConfigureAwait(false), slash.UserId),
        DrillCommand.List => CommandReplies.DrillList(await service.ListDrillsAsync(ct).ConfigureAwait(false)),
        DrillCommand.Status => CommandReplies.Status(
            await service.GetActiveRunsAsync(ct).ConfigureAwait(false),
            await service.GetFreezeAsync(ct).ConfigureAwait(false),
            await service.GetPendingApprovalsAsync(ct).ConfigureAwait(false)),
        DrillCommand.History history => CommandReplies.History(await service.GetHistoryAsync(history.Drill, CommandReplies.MaxListed, ct).ConfigureAwait(false), history.Drill),
        _ => CommandReplies.Help(),
    });

    /// <summary>Runs service work off the request thread; an exception becomes the "something went wrong" reply.</summary>
    private Task<SlackMessage> Guarded(Func<CancellationToken, Task<SlackMessage>> call) => Task.Run(async () =>
    {
        try
        {
            return await call(lifetime.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // a failing service must give the user an answer, not a 500; the error is logged
        catch (Exception e)
#pragma warning restore CA1031
        {
            SlackLog.CommandFailed(logger, e);
            return CommandReplies.Failed();
        }
    });

    private async Task RespondLaterAsync(Task<SlackMessage> answer, string responseUrl, string deliveryKey, bool replaceOriginal = false) =>
        await RespondAsync(responseUrl, deliveryKey, await answer.ConfigureAwait(false), replaceOriginal).ConfigureAwait(false);

    private async Task RespondAsync(string responseUrl, string deliveryKey, SlackMessage message, bool replaceOriginal = false)
    {
        if (Uri.TryCreate(responseUrl, UriKind.Absolute, out _))
        {
            await outbox.RespondAsync(deliveryKey + "/reply", responseUrl, message, CancellationToken.None, replaceOriginal).ConfigureAwait(false);
        }
    }

    /// <summary>An override is confirmed first: the question with Confirm/Cancel, or why there is nothing to override.</summary>
    private async Task<SlackMessage> OverrideQuestionAsync(string drill, string reason, string userId, CancellationToken cancellationToken) =>
        await service.CheckOverrideAsync(drill, cancellationToken).ConfigureAwait(false) switch
        {
            SlackOverrideCheck.Blackout blackout when OverrideTicket.Issue(drill, userId, reason, time.GetUtcNow() + options.ConfirmWindow) is var ticket =>
                GovernanceReplies.ConfirmOverride(blackout, ticket.Reason, ticket.ToValue(), ticket.ExpiresText),
            SlackOverrideCheck.UnknownDrill u => OutcomeReplies.Start(new SlackStartResult.UnknownDrill(u.Drill, u.Known), drill, options.Channel),
            _ => GovernanceReplies.NoBlackout(drill),
        };

    private static string Verb(DrillCommand command) => command switch
    {
        DrillCommand.Run => "start drills",
        DrillCommand.Freeze => "freeze DrillBot",
        DrillCommand.Unfreeze => "unfreeze DrillBot",
        _ => "abort drills",
    };
}
