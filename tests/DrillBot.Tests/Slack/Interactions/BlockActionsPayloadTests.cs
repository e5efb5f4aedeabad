using System.Text.Json.Nodes;
using DrillBot.Slack.Interactions;

namespace DrillBot.Tests.Slack.Interactions;

public sealed class BlockActionsPayloadTests
{
    private const string Click = """
        {"type":"block_actions","user":{"id":"U1","username":"ann","team_id":"T1"},"trigger_id":"tr1",
         "container":{"type":"message","message_ts":"1700000000.000001","channel_id":"C9"},
         "response_url":"https://hooks.slack.com/actions/T1/1/x",
         "actions":[{"action_id":"drill_abort","block_id":"b1","value":"run-42","type":"button"}],
         "message":{"ts":"1700000000.000001"}}
        """;

    [Test]
    public void TryParseForm_AbortClick_ReadsUserActionContainerAndResponseUrl()
    {
        var body = "payload=" + Uri.EscapeDataString(Click);
        Assert.That(BlockActionsPayload.TryParseForm(body, out var payload, out _), Is.True);
        Assert.That(payload.IsBlockActions, Is.True);
        Assert.That((payload.UserId, payload.UserName, payload.TeamId, payload.TriggerId), Is.EqualTo(("U1", "ann", "T1", "tr1")));
        Assert.That((payload.ChannelId, payload.MessageTs), Is.EqualTo(("C9", "1700000000.000001")));
        Assert.That(payload.ResponseUrl, Is.EqualTo("https://hooks.slack.com/actions/T1/1/x"));
        Assert.That(payload.Actions, Is.EqualTo(new[] { new BlockAction("drill_abort", "run-42", "b1") }));
    }

    [Test]
    public void TryParseJson_MissingFields_EmptyStringsAndNoActions()
    {
        Assert.That(BlockActionsPayload.TryParseJson("""{"type":"block_actions","user":7,"actions":{"x":1}}""", out var payload, out _), Is.True);
        Assert.That(payload.UserId, Is.Empty);
        Assert.That(payload.Actions, Is.Empty);
        Assert.That(payload.ChannelId, Is.Empty);
    }

    [Test]
    public void TryParseJson_ContainerMissing_FallsBackToChannelAndMessage()
    {
        var json = JsonNode.Parse(Click)!.AsObject();
        json.Remove("container");
        json["channel"] = new JsonObject { ["id"] = "C7" };
        Assert.That(BlockActionsPayload.TryParseJson(json.ToJsonString(), out var payload, out _), Is.True);
        Assert.That((payload.ChannelId, payload.MessageTs), Is.EqualTo(("C7", "1700000000.000001")));
    }

    [TestCase("", "no 'payload'")]
    [TestCase("payload=", "no 'payload'")]
    [TestCase("payload=%7Bnot+json", "not valid JSON")]
    [TestCase("payload=%5B1%2C2%5D", "not a JSON object")]
    public void TryParseForm_Garbage_FalseWithReason(string body, string reason)
    {
        Assert.That(BlockActionsPayload.TryParseForm(body, out _, out var problem), Is.False);
        Assert.That(problem, Does.Contain(reason));
    }
}
