using DrillBot.Slack;

namespace DrillBot.Tests.Slack;

public sealed class SlackTextTests
{
    [Test]
    public void Escape_ControlCharacters_Escaped() =>
        Assert.That(SlackText.Escape("<!channel> & <@U1>"), Is.EqualTo("&lt;!channel&gt; &amp; &lt;@U1&gt;"));

    [Test]
    public void Truncate_Short_Unchanged() => Assert.That(SlackText.Truncate("abc", 3), Is.EqualTo("abc"));

    [Test]
    public void Truncate_Long_EndsWithEllipsisWithinLimit()
    {
        var cut = SlackText.Truncate(new string('a', 200), 150);
        Assert.That(cut, Has.Length.EqualTo(150));
        Assert.That(cut, Does.EndWith("…"));
    }

    [Test]
    public void Truncate_EmojiAtTheCut_NeverSplitsSurrogatePair()
    {
        var cut = SlackText.Truncate(new string('a', 8) + "🙂🙂🙂", 10);
        Assert.That(cut.Length, Is.LessThanOrEqualTo(10));
        Assert.That(cut.Any(char.IsSurrogate) ? char.IsSurrogatePair(cut, cut.IndexOf('\uD83D', StringComparison.Ordinal)) : true, Is.True);
        Assert.That(cut, Is.EqualTo("aaaaaaaa…"));
    }

    [Test]
    public void Truncate_InsideLink_DropsTheUnterminatedLink() =>
        Assert.That(SlackText.Truncate("see <https://example.com/runs/123|report> now", 20), Is.EqualTo("see …"));

    [Test]
    public void Truncate_InsideEntity_DropsTheUnterminatedEntity() =>
        Assert.That(SlackText.Truncate("abcdefgh &amp; z", 12), Is.EqualTo("abcdefgh …"));
}
