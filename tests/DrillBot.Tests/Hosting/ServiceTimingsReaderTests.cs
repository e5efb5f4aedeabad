using DrillBot.Hosting;

namespace DrillBot.Tests.Hosting;

public sealed class ServiceTimingsReaderTests
{
    private static readonly ServiceHostOptions Defaults = new() { ConfigPath = "drills.yaml" };

    [Test]
    public void Apply_NothingSet_ProductionDefaults()
    {
        var options = ServiceTimingsReader.Apply(Defaults, _ => null, out var problems);

        Assert.That(problems, Is.Empty);
        Assert.That(options, Is.EqualTo(Defaults));
        Assert.That(options!.InstanceLeaseTtl, Is.EqualTo(TimeSpan.FromSeconds(15)));
        Assert.That(options.Lock.LeaseDuration, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(options.QuartzCheckinInterval, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(options.QuartzCheckinMisfireThreshold, Is.Null, "three check-in intervals");
        Assert.That(options.MisfireThreshold, Is.EqualTo(TimeSpan.FromSeconds(60)));
    }

    [Test]
    public void Apply_EveryTimingSet_EachApplied()
    {
        var env = new Dictionary<string, string>
        {
            ["DRILLBOT_INSTANCE_LEASE"] = "3s",
            ["DRILLBOT_WORK_LEASE"] = "4",
            ["DRILLBOT_DRILL_LEASE"] = "5s",
            ["DRILLBOT_RECOVERY_INTERVAL"] = "250ms",
            ["DRILLBOT_QUARTZ_CHECKIN"] = "1s",
            ["DRILLBOT_QUARTZ_CHECKIN_MISFIRE"] = "2s",
            ["DRILLBOT_MISFIRE_THRESHOLD"] = "1.5m",
        };

        var options = ServiceTimingsReader.Apply(Defaults, n => env.GetValueOrDefault(n), out var problems);

        Assert.That(problems, Is.Empty);
        Assert.That(options!.InstanceLeaseTtl, Is.EqualTo(TimeSpan.FromSeconds(3)));
        Assert.That(options.WorkLeaseTtl, Is.EqualTo(TimeSpan.FromSeconds(4)));
        Assert.That(options.Lock.LeaseDuration, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(options.Lock.LeaseName, Is.EqualTo("drillbot-lock"), "only the duration changes");
        Assert.That(options.ResumptionInterval, Is.EqualTo(TimeSpan.FromMilliseconds(250)));
        Assert.That(options.QuartzCheckinInterval, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(options.QuartzCheckinMisfireThreshold, Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(options.MisfireThreshold, Is.EqualTo(TimeSpan.FromSeconds(90)));
    }

    [Test]
    public void Apply_BadValues_EveryProblemOnceNamingItsVariable()
    {
        var env = new Dictionary<string, string>
        {
            ["DRILLBOT_INSTANCE_LEASE"] = "forever",
            ["DRILLBOT_WORK_LEASE"] = "10ms",
            ["DRILLBOT_DRILL_LEASE"] = "2h",
            ["DRILLBOT_RECOVERY_INTERVAL"] = "-1s",
            ["DRILLBOT_QUARTZ_CHECKIN"] = "1d",
            ["DRILLBOT_QUARTZ_CHECKIN_MISFIRE"] = "0",
            ["DRILLBOT_MISFIRE_THRESHOLD"] = "soon",
        };

        var options = ServiceTimingsReader.Apply(Defaults, n => env.GetValueOrDefault(n), out var problems);

        Assert.That(options, Is.Null);
        Assert.That(problems, Has.Count.EqualTo(env.Count));
        foreach (var (variable, value) in env)
        {
            Assert.That(problems, Has.Exactly(1).Contains(variable).And.Contains($"got '{value}'"), variable);
        }
    }
}
