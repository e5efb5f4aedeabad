using DrillBot.Drills.Locking;

namespace DrillBot.Drills.Tests.Reliability;

public sealed class LocalProcessTests
{
    [Test]
    public void Check_ThisProcess_Alive() =>
        Assert.That(LocalProcess.Check(ChildProcess.Owner(Environment.ProcessId), DateTimeOffset.UtcNow), Is.EqualTo(ProcessState.Alive));

    [Test]
    public void Check_ProcessThatExited_Dead() =>
        Assert.That(LocalProcess.Check(ChildProcess.Owner(ChildProcess.DeadPid()), DateTimeOffset.UtcNow), Is.EqualTo(ProcessState.Dead));

    [Test]
    public void Check_LiveProcessStartedBeforeTheOwnerWasLastSeen_Alive()
    {
        var sleeper = ChildProcess.Sleeper();
        try
        {
            Assert.That(LocalProcess.Check(ChildProcess.Owner(sleeper.Id), DateTimeOffset.UtcNow), Is.EqualTo(ProcessState.Alive));
        }
        finally
        {
            ChildProcess.Stop(sleeper);
        }
    }

    [Test]
    public void Check_PidNowBelongsToALaterProcess_Dead()
    {
        var sleeper = ChildProcess.Sleeper();
        try
        {
            // the owner was last seen an hour ago; the process with its pid started just now: a reused pid
            Assert.That(LocalProcess.Check(ChildProcess.Owner(sleeper.Id), DateTimeOffset.UtcNow.AddHours(-1)), Is.EqualTo(ProcessState.Dead));
        }
        finally
        {
            ChildProcess.Stop(sleeper);
        }
    }

    [Test]
    public async Task Check_Zombie_Dead()
    {
        var (parent, zombie) = await ChildProcess.ZombieAsync();
        try
        {
            Assert.That(LocalProcess.Check(ChildProcess.Owner(zombie), DateTimeOffset.UtcNow), Is.EqualTo(ProcessState.Dead));
        }
        finally
        {
            ChildProcess.Stop(parent);
        }
    }

    [TestCase("{0}x/{1}")]
    [TestCase("drillbot-7f3a9c")]
    [TestCase("/{1}")]
    [TestCase("{0}/")]
    [TestCase("{0}/-5")]
    [TestCase("{0}/abc")]
    public void Check_RemoteOrNotHostPid_Unknown(string pattern)
    {
        var owner = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, Environment.MachineName, ChildProcess.DeadPid());
        Assert.That(LocalProcess.Check(owner, DateTimeOffset.UtcNow), Is.EqualTo(ProcessState.Unknown), owner);
    }

    [TestCase("host/12 run 20260106-030000-abcdef", "host/12", "run", "20260106-030000-abcdef")]
    [TestCase("drillbot-0 restore r1", "drillbot-0", "restore", "r1")]
    [TestCase("a b run r", "a b", "run", "r")]
    public void Parse_Holder_OwnerVerbRun(string text, string owner, string verb, string runId) =>
        Assert.That(LeaseHolder.Parse(text), Is.EqualTo(new LeaseHolder(owner, verb, runId)));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("kube-controller-manager")]
    [TestCase("host/1 walk r")]
    [TestCase("host/1 run ")]
    public void Parse_OtherHolder_Null(string? text) => Assert.That(LeaseHolder.Parse(text), Is.Null);
}
