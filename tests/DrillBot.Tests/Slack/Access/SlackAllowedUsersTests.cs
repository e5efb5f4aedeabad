using DrillBot.Slack.Access;

namespace DrillBot.Tests.Slack.Access;

public sealed class SlackAllowedUsersTests
{
    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    [TestCase(" , ,")]
    public void Parse_UnsetOrEmpty_AllowsNobody(string? value)
    {
        var allowed = SlackAllowedUsers.Parse(value);
        Assert.That(allowed.Allows("U123"), Is.False);
        Assert.That(allowed, Is.EqualTo(SlackAllowedUsers.Nobody));
    }

    [Test]
    public void Parse_Star_AllowsEveryoneButNotAnEmptyUser()
    {
        var allowed = SlackAllowedUsers.Parse("U1, *");
        Assert.That(allowed.IsEveryone, Is.True);
        Assert.That(allowed.Allows("U999"), Is.True);
        Assert.That(allowed.Allows(""), Is.False);
    }

    [Test]
    public void Parse_List_AllowsExactlyThoseIdsCaseSensitive()
    {
        var allowed = SlackAllowedUsers.Parse(" U1 ,W2,,U3");
        Assert.That(allowed.Allows("U1"), Is.True);
        Assert.That(allowed.Allows("W2"), Is.True);
        Assert.That(allowed.Allows("U3"), Is.True);
        Assert.That(allowed.Allows("u1"), Is.False);
        Assert.That(allowed.Allows("U4"), Is.False);
    }
}
