using System.Diagnostics;
using DrillBot.Lab.Mesh;

namespace DrillBot.Lab.Tests.Mesh.Routing;

/// <summary>
/// Requests in flight while the routing set changes. The reviews call is driven through <see cref="ReviewsCaller"/>
/// directly (as the ingress does): it returns while the request waits on the fake clock, so the test knows the
/// request is in flight before it scales and advances the clock.
/// </summary>
public sealed class InFlightRequestTests
{
    [Test]
    public async Task AnsweredAfterItsEndpointLeftEds_NoFirstResponseFromTheLostRegionAfterTheRemoval()
    {
        await using var lab = await TestLab.StartAsync();
        await MeshConfigs.PatchDestinationRuleAsync(lab, "productpage", MeshConfigs.OutlierOnly);
        await MeshPolicies.PatchReviewsAsync(lab, MeshPolicies.Failover);
        await FaultPolicies.CreateEnvoyFilterAsync(lab, FaultPolicies.InboundDelay("0.5s"));
        var warmUp = await CallAndAdvanceAsync(lab, TimeSpan.FromMilliseconds(500));

        var inFlight = Call(lab);
        Assert.That(inFlight.IsCompleted, Is.False, "held 500 ms by reviews-v1's inbound sidecar");
        await MeshPolicies.ScaleAsync(lab, "ack-hangzhou", "reviews-v1", 0);
        lab.Time.Advance(TimeSpan.FromMilliseconds(500));
        var answered = await inFlight.AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        var after = await Call(lab).AsTask().WaitAsync(TimeSpan.FromSeconds(20));

        var removed = lab.EventsOf(LabEventKinds.EndpointRemoved).Single();
        var firstAfter = lab.EventsOf(LabEventKinds.FirstResponse).Where(e => e.Time > removed.Time).ToList();
        Assert.That(warmUp.Host?.Name, Does.StartWith("reviews-v1-"), "cn-hangzhou answered before the fault");
        Assert.That(removed.Object, Does.Contain("/reviews/reviews-v1-"));
        Assert.That(answered.Host?.Name, Does.StartWith("reviews-v1-"), "routed before the removal, answered 300 ms after it");
        Assert.That(after.Host?.Name, Does.StartWith("reviews-v2-"), "routed after the removal: failover");
        // The in-flight answer belongs to the routing epoch it was routed in (where cn-hangzhou had answered already):
        // after the removal the first response of the new epoch is cn-shanghai's, and cn-hangzhou's never.
        Assert.That(firstAfter.Select(e => e.Region), Is.EqualTo(new[] { "cn-shanghai" }));
    }

    [Test]
    public async Task CallerDelay_EndpointRemovedMeanwhile_RouterPicksFromTheRoutingSetAfterTheDelay()
    {
        await using var lab = await TestLab.StartAsync();
        await MeshPolicies.CreateReviewsDelayAsync(lab, "v1", "2s");

        var pending = Call(lab);
        Assert.That(pending.IsCompleted, Is.False, "held 2 s by the caller's fault filter, before the router");
        await MeshPolicies.ScaleAsync(lab, "ack-hangzhou", "reviews-v1", 0);
        var task = pending.AsTask();
        var watch = Stopwatch.StartNew();
        while (!task.IsCompleted && watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            lab.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(task, Task.Delay(50));
        }

        var call = await task.WaitAsync(TimeSpan.FromSeconds(1));
        var hops = call.Hops; // the ingress records the request; a direct call returns its hops

        // reviews-v1 left EDS 200 ms after the scale and stopped at 800 ms: the subset v1 is empty when the router
        // picks, 2 s later, so Envoy answers no healthy upstream (UH) on each of productpage's two tries.
        Assert.That(call.Host, Is.Null, "never answered by a pod that had left the routing set");
        Assert.That(hops.Select(h => (h.Destination, h.Status, h.Flag)), Is.EqualTo(new[] { ((string?)null, 503, "DI,UH"), (null, 503, "DI,UH") }));
    }

    /// <summary>Starts a reviews call from the cn-hangzhou productpage at the fake clock's now, as the ingress does.</summary>
    private static ValueTask<ReviewsCall> Call(TestLab lab)
    {
        var world = lab.Host.World;
        var snapshot = world.Current(lab.Time.GetUtcNow());
        var productpage = snapshot.Productpages.First(p => p.Region == "cn-hangzhou");
        return new ReviewsCaller(world).CallAsync(snapshot, productpage, CancellationToken.None);
    }

    private static async Task<ReviewsCall> CallAndAdvanceAsync(TestLab lab, TimeSpan by)
    {
        var pending = Call(lab);
        lab.Time.Advance(by);
        return await pending.AsTask().WaitAsync(TimeSpan.FromSeconds(20));
    }
}
