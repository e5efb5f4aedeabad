using System.Text.Json.Nodes;
using DrillBot.Slack;
using DrillBot.Slack.Access;
using DrillBot.Slack.BlockKit;
using DrillBot.Slack.Handling;
using DrillBot.Slack.Outbox;
using DrillBot.Store;
using DrillBot.Tests.Slack.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DrillBot.Tests.Slack;

public sealed class SlackServiceCollectionExtensionsTests
{
    [Test]
    public void AddDrillBotSlack_SlackDisabled_RegistersNothing()
    {
        var services = new ServiceCollection().AddDrillBotSlack(new SlackOptions());
        Assert.That(services, Is.Empty);
    }

    [Test]
    public async Task AddDrillBotSlack_WiredAgainstStandInSlack_CommandsAnswerAndOutboxAndSocketModeRun()
    {
        await using var slack = await FakeSlackServer.StartAsync();
        var options = new SlackOptions
        {
            BotToken = "xoxb-wired",
            AppToken = "xapp-wired",
            SigningSecret = SignedRequests.Secret,
            Channel = "C0DRILLS",
            AllowedUsers = SlackAllowedUsers.Everyone,
            ApiBase = slack.ApiBase,
        };
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IOutboxStore, InMemoryOutboxStore>()
            .AddSingleton<ISlackDrillService, FakeDrillService>()
            .AddDrillBotSlack(options);
        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToList();
        Assert.That(hosted, Has.Count.EqualTo(2), "outbox dispatcher and Socket Mode client");
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        var socket = await slack.NextSocketAsync();
        await socket.SendAsync(new JsonObject { ["envelope_id"] = "e1", ["type"] = "events_api", ["payload"] = new JsonObject() });
        Assert.That((await socket.ReceiveAsync())["envelope_id"]!.GetValue<string>(), Is.EqualTo("e1"));

        var answer = await provider.GetRequiredService<SlackRequestHandler>().HandleCommandAsync(SignedRequests.Sign(SignedRequests.CommandBody("list"), TimeProvider.System));
        Assert.That(answer.Body, Does.Contain("reviews-failover"));

        await provider.GetRequiredService<SlackOutbox>().RunStartedAsync(new SlackRunView { Drill = "reviews-failover", RunId = "w1" }, CancellationToken.None);
        await slack.WaitForCallsAsync(calls => calls.Any(c => c.Method == "chat.postMessage" && c.Ok));
        Assert.That(slack.Calls.First(c => c.Method == "chat.postMessage").Authorization, Is.EqualTo("Bearer xoxb-wired"));

        foreach (var service in hosted)
        {
            await service.StopAsync(CancellationToken.None);
        }
    }
}
