using System.Net;

namespace DrillBot.Lab.Tests.Mesh.Locality;

/// <summary>EDS lag after termination and the cost of one connection per request.</summary>
public sealed class EndpointTimingTests
{
    [Test]
    public void Defaults_RemovalOneSecond_ConnectionSetupOneMillisecond()
    {
        Assert.That(new LabTiming().EndpointRemovalDelay, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(new LabTiming().ConnectionSetupLatency, Is.EqualTo(TimeSpan.FromMilliseconds(1)));
    }

    [Test]
    public async Task ScaleToZero_EndpointLeavesAfterRemovalDelay_StoppedPodRetriedMeanwhile()
    {
        var topology = TestLab.Fast() with { Timing = TestLab.Fast().Timing with { EndpointRemovalDelay = TimeSpan.FromSeconds(1) } };
        await using var lab = await TestLab.StartAsync(topology);
        var scaledAt = lab.Time.GetUtcNow();

        await MeshPolicies.ScaleAsync(lab, "ack-hangzhou", "reviews-v1", 0);
        lab.Time.Advance(TimeSpan.FromMilliseconds(900));
        var meanwhile = await lab.CountVersionsAsync(6);

        Assert.That(lab.EventsOf(LabEventKinds.EndpointRemoved), Is.Empty, "still in EDS 900 ms after terminating");
        Assert.That(meanwhile, Is.EquivalentTo(new Dictionary<string, int> { ["reviews-v2"] = 6 }), "connection refused, retried on the other host");
        lab.Time.Advance(TimeSpan.FromMilliseconds(100));
        await lab.ProductpageAsync();
        Assert.That(lab.EventsOf(LabEventKinds.EndpointRemoved).Single().Time, Is.EqualTo(scaledAt + TimeSpan.FromSeconds(1)));
    }

    [Test]
    public async Task MaxRequestsPerConnectionOne_EachRequestWaitsForConnectionSetup()
    {
        var topology = TestLab.Fast() with { Timing = TestLab.Fast().Timing with { ConnectionSetupLatency = TimeSpan.FromMilliseconds(40) } };
        await using var lab = await TestLab.StartAsync(topology);
        var before = await lab.ProductpageAsync();
        await MeshPolicies.PatchReviewsAsync(lab, """{"spec":{"trafficPolicy":{"connectionPool":{"http":{"maxRequestsPerConnection":1}}}}}""");

        var pending = lab.ProductpageAsync();
        var early = await Task.WhenAny(pending, Task.Delay(300));
        lab.Time.Advance(TimeSpan.FromMilliseconds(40));
        var after = await pending.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.That(before.Status, Is.EqualTo(HttpStatusCode.OK), "without the setting the request completes on a frozen clock");
        Assert.That(early, Is.Not.SameAs(pending), "with it, the answer waits for 40 ms of Lab time");
        Assert.That(after.Status, Is.EqualTo(HttpStatusCode.OK));
    }
}
