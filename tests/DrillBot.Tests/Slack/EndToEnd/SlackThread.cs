using DrillBot.Tests.Slack.Fakes;

namespace DrillBot.Tests.Slack.EndToEnd;

/// <summary>What the stand-in Slack received for one run: the channel message, its thread, the result update.</summary>
internal sealed record SlackThread(RecordedCall Posted, IReadOnlyList<RecordedCall> Replies, RecordedCall? Result)
{
    /// <summary>The run's messages among the successful calls, or null while the channel message is not there yet.</summary>
    public static SlackThread? Of(IReadOnlyList<RecordedCall> calls, string runId)
    {
        var ok = calls.Where(c => c.Ok).ToList();
        var posted = ok.FirstOrDefault(c => c.Method == "chat.postMessage" && c.ThreadTs is null && c.Body?.ToJsonString().Contains(runId, StringComparison.Ordinal) == true);
        if (posted is null)
        {
            return null;
        }

        var replies = ok.Where(c => c.Method == "chat.postMessage" && c.ThreadTs == posted.Ts).ToList();
        var result = ok.FirstOrDefault(c => c.Method == "chat.update" && c.Body?["ts"]?.GetValue<string>() == posted.Ts);
        return new SlackThread(posted, replies, result);
    }

    public IReadOnlyList<string> ReplyTexts => Replies.Select(r => r.Text ?? string.Empty).ToList();
}
