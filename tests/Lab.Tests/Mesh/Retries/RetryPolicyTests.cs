using DrillBot.Lab.Mesh;

namespace DrillBot.Lab.Tests.Mesh.Retries;

public sealed class RetryPolicyTests
{
    [TestCase(0, true)]
    [TestCase(503, true)]
    [TestCase(500, false)]
    [TestCase(502, false)]
    [TestCase(404, false)]
    public void Default_RetriesConnectFailureAnd503Only(int status, bool retried) =>
        Assert.That(RetryPolicy.Default(2).Retries(status), Is.EqualTo(retried));

    [Test]
    public void FromVirtualService_RetryOnReplacesConditions_IntegersAreStatusCodes()
    {
        var gateway = RetryPolicy.FromVirtualService(3, "gateway-error", 2);
        var codes = RetryPolicy.FromVirtualService(1, "connect-failure,500", 2);
        var countOnly = RetryPolicy.FromVirtualService(5, null, 2);

        Assert.That((gateway.Attempts, gateway.Retries(502), gateway.Retries(500), gateway.Retries(0)), Is.EqualTo((3, true, false, true)));
        Assert.That((codes.Retries(500), codes.Retries(503), codes.On.Contains("retriable-status-codes")), Is.EqualTo((true, false, true)));
        Assert.That((countOnly.Attempts, countOnly.Retries(503), countOnly.Retries(500)), Is.EqualTo((5, true, false)));
    }
}
