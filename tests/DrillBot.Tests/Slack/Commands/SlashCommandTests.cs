using System.Text.Json;
using DrillBot.Slack.Commands;

namespace DrillBot.Tests.Slack.Commands;

public sealed class SlashCommandTests
{
    [Test]
    public void FromForm_SlackBody_ReadsEveryField()
    {
        var form = FormBody.Parse("command=%2Fdrill&text=run+reviews-failover+--dry-run&user_id=U2CERLKJA&user_name=roadrunner&channel_id=C1&team_id=T1&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1%2F1%2Fabc&trigger_id=398.474.803a&api_app_id=A1");
        var command = SlashCommand.FromForm(form);
        Assert.That(command, Is.EqualTo(new SlashCommand
        {
            Command = "/drill",
            Text = "run reviews-failover --dry-run",
            UserId = "U2CERLKJA",
            UserName = "roadrunner",
            ChannelId = "C1",
            TeamId = "T1",
            ResponseUrl = "https://hooks.slack.com/commands/T1/1/abc",
            TriggerId = "398.474.803a",
            ApiAppId = "A1",
        }));
    }

    [Test]
    public void FromForm_SslCheck_Flagged() =>
        Assert.That(SlashCommand.FromForm(FormBody.Parse("ssl_check=1&token=x")).IsSslCheck, Is.True);

    [TestCase("")]
    [TestCase("&&&=&==")]
    [TestCase("text=%E0%A4%A&user_id=%ZZ")]
    [TestCase("=novalue&text")]
    public void FromForm_GarbageBody_NoExceptionAndEmptyFieldsNotNull(string body)
    {
        var command = SlashCommand.FromForm(FormBody.Parse(body));
        Assert.That(command.UserId, Is.Not.Null);
        Assert.That(command.Text, Is.Not.Null);
    }

    [Test]
    public void FormBody_RepeatedField_FirstWins() =>
        Assert.That(FormBody.Parse("user_id=U1&user_id=U2")["user_id"], Is.EqualTo("U1"));

    [Test]
    public void FromJson_SocketModePayload_ReadsFieldsAndIgnoresNonStrings()
    {
        using var doc = JsonDocument.Parse("""{"command":"/drill","text":"list","user_id":"U1","channel_id":5,"trigger_id":"t1"}""");
        var command = SlashCommand.FromJson(doc.RootElement);
        Assert.That((command.Command, command.Text, command.UserId, command.ChannelId, command.TriggerId), Is.EqualTo(("/drill", "list", "U1", "", "t1")));
    }
}
