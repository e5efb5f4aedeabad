using DrillBot.Slack;

namespace DrillBot.Tests.Slack;

public sealed class SlackOptionsTests
{
    private static SlackOptions From(Dictionary<string, string> env) => SlackOptions.FromEnvironment(name => env.GetValueOrDefault(name));

    [Test]
    public void FromEnvironment_NothingSet_DisabledAndValid()
    {
        var options = From([]);
        Assert.That(options.Enabled, Is.False);
        Assert.That(options.Validate(), Is.Empty);
        Assert.That(options.ApiBase, Is.EqualTo(new Uri("https://slack.com/api/")));
    }

    [Test]
    public void FromEnvironment_ApiBaseWithoutSlash_GetsOne()
    {
        var options = From(new() { ["SLACK_API_BASE"] = "http://127.0.0.1:5000/api" });
        Assert.That(options.ApiBase.AbsoluteUri, Is.EqualTo("http://127.0.0.1:5000/api/"));
    }

    [Test]
    public void Validate_BotTokenWithoutSecretOrChannel_NamesEachVariable()
    {
        var problems = From(new() { ["SLACK_BOT_TOKEN"] = "xoxb-1" }).Validate();
        Assert.That(problems, Has.Some.Contains("SLACK_SIGNING_SECRET"));
        Assert.That(problems, Has.Some.Contains("SLACK_CHANNEL"));
    }

    [Test]
    public void Validate_SocketModeWithoutSecret_IsValid()
    {
        var options = From(new() { ["SLACK_BOT_TOKEN"] = "xoxb-1", ["SLACK_APP_TOKEN"] = "xapp-1", ["SLACK_CHANNEL"] = "C1" });
        Assert.That(options.Validate(), Is.Empty);
        Assert.That(options.SocketModeEnabled, Is.True);
    }

    [Test]
    public void Validate_AppTokenOfWrongKind_Refused() =>
        Assert.That(
            From(new() { ["SLACK_BOT_TOKEN"] = "xoxb-1", ["SLACK_APP_TOKEN"] = "xoxb-2", ["SLACK_CHANNEL"] = "C1" }).Validate(),
            Has.Some.Contains("SLACK_APP_TOKEN"));

    [Test]
    public void ToString_NeverShowsSecrets()
    {
        var text = From(new() { ["SLACK_BOT_TOKEN"] = "xoxb-secret-1", ["SLACK_SIGNING_SECRET"] = "shh-123", ["SLACK_APP_TOKEN"] = "xapp-secret-2" }).ToString();
        Assert.That(text, Does.Not.Contain("xoxb-secret-1").And.Not.Contain("shh-123").And.Not.Contain("xapp-secret-2"));
    }
}
