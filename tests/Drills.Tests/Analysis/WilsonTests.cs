using DrillBot.Drills.Analysis;

namespace DrillBot.Drills.Tests.Analysis;

/// <summary>
/// The Wilson score interval against known values (E. B. Wilson, JASA 22(158):209–212, 1927;
/// centre (p̂ + z²/2n)/(1 + z²/n), half-width z/(1 + z²/n)·√(p̂(1−p̂)/n + z²/4n²)); the
/// expected numbers are that closed form evaluated independently (Python, z = 1.959963985 and 2.575829304).
/// </summary>
public sealed class WilsonTests
{
    [TestCase(20, 20, 0.95, 0.83887, 1.0)]       // n/(n + z²) = 20/23.8415
    [TestCase(95, 100, 0.95, 0.88825, 0.97846)]
    [TestCase(0, 10, 0.95, 0.0, 0.27753)]        // z²/(n + z²) = 3.8415/13.8415
    [TestCase(50, 100, 0.95, 0.40383, 0.59617)]
    [TestCase(2000, 2000, 0.95, 0.99808, 1.0)]     // 2000/(2000 + z²)
    [TestCase(1800, 2000, 0.95, 0.88608, 0.91239)]
    [TestCase(20, 20, 0.99, 0.75089, 1.0)]       // z = 2.575829
    public void Interval_KnownValues_Match(int hits, int n, double confidence, double low, double high)
    {
        var ci = Wilson.Interval(hits, n, confidence);
        Assert.Multiple(() =>
        {
            Assert.That(ci.Low, Is.EqualTo(low).Within(1e-5));
            Assert.That(ci.High, Is.EqualTo(high).Within(1e-5));
            Assert.That((ci.Hits, ci.Samples, ci.Confidence), Is.EqualTo((hits, n, confidence)));
        });
    }

    [TestCase(0.95, 1.959963985)]
    [TestCase(0.99, 2.575829304)]
    [TestCase(0.90, 1.644853627)]
    [TestCase(0.999999, 4.891638475)]
    public void Z_Confidence_IsTheTwoSidedNormalQuantile(double confidence, double z) =>
        Assert.That(Wilson.Z(confidence), Is.EqualTo(z).Within(1e-8));

    [Test]
    public void Interval_NoSamples_IsTheWholeRange() =>
        Assert.That(Wilson.Interval(0, 0, 0.95), Is.EqualTo(new ConfidenceInterval(0, 1, 0.95, 0, 0)));

    [Test]
    public void Interval_MoreHitsThanSamples_Throws() =>
        Assert.That(() => Wilson.Interval(3, 2, 0.95), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [TestCase(0.95, null, 2000, 2000, BoundDecision.Passed)]
    [TestCase(0.95, null, 20, 20, BoundDecision.Undecided)]
    [TestCase(0.95, null, 1800, 2000, BoundDecision.FailedBelow)]
    [TestCase(0.05, 0.15, 100, 1000, BoundDecision.Passed)]
    [TestCase(0.05, 0.15, 500, 1000, BoundDecision.FailedAbove)]
    [TestCase(0.05, 0.15, 2, 20, BoundDecision.Undecided)]
    [TestCase(null, 0.01, 0, 400, BoundDecision.Passed)]
    [TestCase(null, 0.01, 0, 300, BoundDecision.Undecided)]
    public void Decide_IntervalAgainstBounds_IsTheDocumentedRule(double? lo, double? hi, int hits, int n, BoundDecision expected) =>
        Assert.That(BoundRule.Decide(Wilson.Interval(hits, n, 0.95), lo, hi), Is.EqualTo(expected));
}
