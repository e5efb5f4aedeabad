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
public sealed class SlackCommandProcessor : IAsyncDisposable
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
                SlackLog.RequestRefused(logger, "command", $"user {command.UserId} may not {Verb(parsed)}");
                return (CommandReplies.NotAllowed(Verb(parsed)).ToJson("ephemeral"), "forbidden");
        }

        if (parsed.NeedsPermission && !await dedupe.TryBeginAsync(deliveryKey, lifetime.Token).ConfigureAwait(false))
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

    /// <summary>Handles a button click; returns at once, the abort and its reply happen in the background.</summary>
    public async Task<string> HandleBlockActionsAsync(BlockActionsPayload payload, string deliveryKey)
    {
        var abort = payload.Actions.FirstOrDefault(a => a.ActionId == SlackActionIds.Abort);
        if (!payload.IsBlockActions || abort is null)
        {
            return "ignored";
        }

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
        DrillCommand.Run run => OutcomeReplies.Start(
            await service.StartRunAsync(new SlackStartRequest(run.Drill, run.DryRun, slash.UserId, slash.UserName, slash.ChannelId, slash.TriggerId), ct).ConfigureAwait(false),
            run.Drill,
            options.Channel),
        DrillCommand.Abort abort => OutcomeReplies.Abort(await service.AbortRunAsync(abort.RunId, slash.UserId, ct).ConfigureAwait(false), slash.UserId),
        DrillCommand.List => CommandReplies.DrillList(await service.ListDrillsAsync(ct).ConfigureAwait(false)),
        DrillCommand.Status => CommandReplies.Status(await service.GetActiveRunsAsync(ct).ConfigureAwait(false)),
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

    private async Task RespondLaterAsync(Task<SlackMessage> answer, string responseUrl, string deliveryKey) =>
        await RespondAsync(responseUrl, deliveryKey, await answer.ConfigureAwait(false)).ConfigureAwait(false);

    private async Task RespondAsync(string responseUrl, string deliveryKey, SlackMessage message)
    {
        if (Uri.TryCreate(responseUrl, UriKind.Absolute, out _))
        {
            await outbox.RespondAsync(deliveryKey + "/reply", responseUrl, message, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static string Verb(DrillCommand command) => command is DrillCommand.Run ? "start drills" : "abort drills";
}
