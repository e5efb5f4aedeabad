using System.Net;
using System.Net.Http.Headers;
using DrillBot.Tests.Service.Support;

namespace DrillBot.Tests.Api;

/// <summary><c>/api/*</c> needs the bearer token; <c>/healthz</c>, <c>/readyz</c>, <c>/metrics</c> and <c>/runs/{id}</c> do not.</summary>
[NonParallelizable]
public sealed class ApiAuthTests
{
    [TestCase(null, "Missing 'Authorization: Bearer")]
    [TestCase("Bearer wrong-token-0123456789", "Invalid bearer token")]
    [TestCase("Basic dXNlcjpwYXNz", "Missing 'Authorization: Bearer")]
    public async Task Api_WithoutTheRightToken_401ProblemAndNothingStarts(string? authorization, string detail)
    {
        await using var service = await ServiceHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/drills/reviews-failover/runs");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await service.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var (_, runs) = await service.SendAsync(HttpMethod.Get, "/api/runs");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
        Assert.That(body, Does.Contain(detail));
        Assert.That(runs["runs"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Api_NoTokenConfigured_RefusesEveryRequestAndSaysWhyInTheLog()
    {
        await using var service = await ServiceHarness.StartAsync(new ServiceHarness.Options { Environment = new Dictionary<string, string> { ["DRILLBOT_API_TOKEN"] = "" } });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/drills");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServiceHarness.ApiToken);

        using var response = await service.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("DRILLBOT_API_TOKEN is not set"));
        Assert.That(service.Logs.Text, Does.Contain("DRILLBOT_API_TOKEN is not set: every /api/* request is refused with 401"));
    }

    [Test]
    public async Task OpenRoutes_WithoutToken_Answer()
    {
        await using var service = await ServiceHarness.StartAsync();

        using var health = await service.Http.GetAsync("/healthz");
        using var ready = await service.Http.GetAsync("/readyz");
        using var metrics = await service.Http.GetAsync("/metrics");
        using var page = await service.Http.GetAsync("/runs/no-such-run");

        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ready.Content.ReadAsStringAsync());
        Assert.That(metrics.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("There is no run no-such-run"));
    }
}
