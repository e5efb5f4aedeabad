namespace DrillBot.Slack.Outbox;

/// <summary>The <see cref="Store.OutboxItem.Kind"/>s the Slack dispatcher delivers, and the idempotency keys of run messages.</summary>
public static class SlackOutboxKinds
{
    /// <summary><c>chat.postMessage</c>; payload <c>{channel, text, blocks, threadRootKey?}</c>.</summary>
    public const string Post = "slack.chat.postMessage";

    /// <summary><c>chat.update</c>; payload <c>{text, blocks, targetKey}</c>: the message posted under <c>targetKey</c> is replaced.</summary>
    public const string Update = "slack.chat.update";

    /// <summary>A post to a <c>response_url</c>; payload <c>{url, body}</c>.</summary>
    public const string Respond = "slack.response_url";

    public static string RunPosted(string runId) => $"run/{runId}/posted";

    public static string RunProgress(string runId, int sequence) => $"run/{runId}/progress/{sequence}";

    public static string RunResult(string runId) => $"run/{runId}/result";

    public static string ApprovalPosted(string approvalId) => $"approval/{approvalId}/posted";

    public static string ApprovalThread(string approvalId, string line) => $"approval/{approvalId}/thread/{line}";

    public static string ApprovalClosed(string approvalId) => $"approval/{approvalId}/closed";
}
