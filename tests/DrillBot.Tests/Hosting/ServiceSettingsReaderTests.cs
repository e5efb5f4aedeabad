using DrillBot.Hosting;
using DrillBot.Store;

namespace DrillBot.Tests.Hosting;

public sealed class ServiceSettingsReaderTests
{
    [Test]
    public void Read_NothingSet_DefaultsSqliteNoSlackApiDisabled()
    {
        var settings = ServiceSettingsReader.Read(_ => null, out var problems);

        Assert.That(problems, Is.Empty);
        Assert.That(settings!.Store.Engine, Is.EqualTo(StoreEngine.Sqlite));
        Assert.That(settings.Slack.Enabled, Is.False);
        Assert.That(settings.ApiToken, Is.Null);
        Assert.That(settings.ShutdownGrace, Is.EqualTo(TimeSpan.FromSeconds(25)));
        Assert.That(settings.InstanceId, Does.Match("^[A-Za-z0-9][A-Za-z0-9._-]*$"));
    }

    [Test]
    public void Read_EveryValueBad_EveryProblemOnceNamingItsVariable()
    {
        var env = new Dictionary<string, string>
        {
            ["DRILLBOT_DB"] = "postgres://user:pw@db/drillbot",
            ["DRILLBOT_INSTANCE_ID"] = "bad id!",
            ["DRILLBOT_PUBLIC_URL"] = "ftp://x",
            ["DRILLBOT_SHUTDOWN_GRACE"] = "forever",
            ["DRILLBOT_LOG_FORMAT"] = "xml",
            ["DRILLBOT_API_TOKEN"] = "short",
            ["SLACK_BOT_TOKEN"] = "not-a-token",
        };

        var settings = ServiceSettingsReader.Read(n => env.GetValueOrDefault(n), out var problems);

        Assert.That(settings, Is.Null);
        foreach (var variable in new[] { "DRILLBOT_DB", "DRILLBOT_INSTANCE_ID", "DRILLBOT_PUBLIC_URL", "DRILLBOT_SHUTDOWN_GRACE", "DRILLBOT_LOG_FORMAT", "DRILLBOT_API_TOKEN", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_CHANNEL" })
        {
            Assert.That(problems, Has.Exactly(1).Contains(variable), variable);
        }

        Assert.That(string.Join("\n", problems), Does.Not.Contain("pw@"), "no password in a problem");
    }

    [TestCase("25s", 25)]
    [TestCase("10", 10)]
    [TestCase("1.5m", 90)]
    [TestCase("1500ms", 1.5)]
    [TestCase("1m30s", 90)]
    public void Read_ShutdownGrace_Parsed(string text, double seconds)
    {
        var settings = ServiceSettingsReader.Read(n => n == "DRILLBOT_SHUTDOWN_GRACE" ? text : null, out _);

        Assert.That(settings!.ShutdownGrace, Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }

    [Test]
    public void Secrets_AllSet_ListsTokensAndDatabasePasswordButToStringShowsNone()
    {
        var env = new Dictionary<string, string>
        {
            ["DRILLBOT_DB"] = "Host=db;Database=drillbot;Username=bot;Password=pg-secret-1",
            ["DRILLBOT_API_TOKEN"] = "api-secret-0123456789",
            ["SLACK_BOT_TOKEN"] = "xoxb-bot-secret",
            ["SLACK_APP_TOKEN"] = "xapp-app-secret",
            ["SLACK_SIGNING_SECRET"] = "signing-secret",
            ["SLACK_CHANNEL"] = "C1",
        };

        var settings = ServiceSettingsReader.Read(n => env.GetValueOrDefault(n), out var problems)!;

        Assert.That(problems, Is.Empty);
        Assert.That(settings.Secrets, Is.EquivalentTo(new[] { "pg-secret-1", "api-secret-0123456789", "xoxb-bot-secret", "xapp-app-secret", "signing-secret" }));
        foreach (var secret in settings.Secrets)
        {
            Assert.That(settings.ToString(), Does.Not.Contain(secret));
        }
    }
}
