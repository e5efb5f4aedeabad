using DrillBot.Tests.Slack.Fakes;

namespace DrillBot.Tests.Service.Support;

/// <summary>
/// A fresh <c>serve</c> with the Lab and the stand-in Slack for every test; a failed test prints the service's log.
/// </summary>
public abstract class SlackServiceFixture
{
    private protected ServiceHarness Service { get; private set; } = null!;

    private protected FakeSlackServer Slack { get; private set; } = null!;

    [SetUp]
    public async Task StartServiceAsync()
    {
        Service = await ServiceHarness.StartAsync(new ServiceHarness.Options { WithSlack = true });
        Slack = Service.Slack!;
    }

    [TearDown]
    public async Task StopServiceAsync()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            await TestContext.Out.WriteLineAsync(Service.Logs.Text);
        }

        await Service.DisposeAsync();
    }
}
