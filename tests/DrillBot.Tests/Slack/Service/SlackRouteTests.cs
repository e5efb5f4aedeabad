using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DrillBot.Slack.Verification;
using DrillBot.Tests.Service.Support;
using DrillBot.Tests.Slack.Fakes;

namespace DrillBot.Tests.Slack.Service;

/// <summary>The Slack routes over HTTP: bad requests get a clear 4xx and start nothing; no command text ever gives a 5xx.</summary>
[NonParallelizable]
public sealed class SlackRouteTests
{
    private ServiceHarness service = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => service = await ServiceHarness.StartAsync(new ServiceHarness.Options { WithSlack = true });

    [OneTimeTearDown]
    public async Task StopAsync() => await service.DisposeAsync();

    [Test]
    public async Task Command_Unsigned_401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = Form(SignedRequests.CommandBody("run reviews-failover")) };

        using var response = await service.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        await AssertNothingRanAsync();
    }

    [TestCase(-400)]
    [TestCase(400)]
    public async Task Command_TimestampOutsideFiveMinutes_401(int offsetSeconds)
    {
        var body = SignedRequests.CommandBody("run reviews-failover");
        var timestamp = DateTimeOffset.UtcNow.AddSeconds(offsetSeconds).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = Form(body) };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", RequestVerifier.ComputeSignature(SignedRequests.Secret, timestamp, body));

        using var response = await service.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        await AssertNothingRanAsync();
    }

    [Test]
    public async Task Command_ForgedSignature_401()
    {
        using var response = await service.PostSlackAsync("/slack/commands", SignedRequests.CommandBody("run reviews-failover"), secret: "not-the-secret");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        await AssertNothingRanAsync();
    }

    [Test]
    public async Task Command_OversizeBody_413BeforeAnythingElse()
    {
        using var response = await service.PostSlackAsync("/slack/commands", SignedRequests.CommandBody("help") + "&pad=" + new string('x', 70 * 1024));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task Command_SignedButJson_415()
    {
        var body = """{"command":"/drill","text":"help"}""";
        var signed = SignedRequests.Sign(body, TimeProvider.System, contentType: "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Slack-Request-Timestamp", signed.Timestamp);
        request.Headers.Add("X-Slack-Signature", signed.Signature);

        using var response = await service.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
    }

    [Test]
    public async Task Interaction_MalformedPayload_400()
    {
        using var response = await service.PostSlackAsync("/slack/interactions", "payload=" + Uri.EscapeDataString("{not json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Command_SslCheck_200()
    {
        using var response = await service.PostSlackAsync("/slack/commands", "ssl_check=1&token=x");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Command_FuzzedTexts_NeverA5xxAndEveryAnswerForTheUser()
    {
        var random = new Random(20260106);
        string[] words = ["run", "abort", "list", "status", "history", "help", "--dry-run", "--", "nope-drill", "\"", "'", "`", "<@U1>", "&amp;", "%", "\u00e9\u00e8", "\U0001F680", "\t", "  ", "reviews-", "20260101-000000-abcdef", "RUN", "run run", "\\", "*", ";", "\0"];
        var failures = new List<string>();
        for (var i = 0; i < 150; i++)
        {
            var text = string.Join(" ", Enumerable.Range(0, random.Next(0, 5)).Select(_ => words[random.Next(words.Length)]));
            using var response = await service.PostSlackAsync("/slack/commands", SignedRequests.CommandBody(text, ServiceHarness.AllowedUser, $"fuzz-{i}", service.Slack!.ResponseUrl("fuzz").ToString()));
            var answer = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500 || response.StatusCode != HttpStatusCode.OK || !answer.Contains("\"response_type\":\"ephemeral\"", StringComparison.Ordinal))
            {
                failures.Add($"{(int)response.StatusCode} for '{text}': {answer}");
            }
        }

        Assert.That(failures, Is.Empty);
        await AssertNothingRanAsync();
    }

    private async Task AssertNothingRanAsync()
    {
        var (_, runs) = await service.SendAsync(HttpMethod.Get, "/api/runs");
        Assert.That(runs["runs"]!.AsArray(), Is.Empty);
    }

    private static StringContent Form(string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }
}
