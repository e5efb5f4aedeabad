using DrillBot.Cli;

namespace DrillBot.Tests.Cli;

/// <summary><c>drillbot history</c> with nothing to read or a bad DRILLBOT_DB.</summary>
[NonParallelizable]
public sealed class HistoryCommandInputTests
{
    [Test]
    public async Task History_NoDatabaseFile_SaysSoAndCreatesNothing()
    {
        var path = Path.Combine(Path.GetTempPath(), "drillbot-none-" + Guid.NewGuid().ToString("N"), "drillbot.db");

        var (code, output, _) = await HistoryCommandTests.RunHistoryAsync(path);

        Assert.That(code, Is.EqualTo(ExitCodes.Passed));
        Assert.That(output, Does.Contain("no history yet"));
        Assert.That(File.Exists(path), Is.False);
    }

    [Test]
    public async Task History_BadDatabaseVariable_Exit2OneLine()
    {
        var (code, _, error) = await HistoryCommandTests.RunHistoryAsync("postgres://u:secret@db/x");

        Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(error, Does.StartWith("error: DRILLBOT_DB").And.Not.Contain("secret"));
    }
}
