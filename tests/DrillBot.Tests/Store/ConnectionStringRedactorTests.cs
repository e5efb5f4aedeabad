using DrillBot.Store;

namespace DrillBot.Tests.Store;

public sealed class ConnectionStringRedactorTests
{
    [TestCase("Host=db;Password=hunter2;Database=x", "Host=db;Password=***;Database=x")]
    [TestCase("Host=db;password = 'hun;ter2';Database=x", "Host=db;password=***;Database=x")]
    [TestCase("Host=db;PWD=\"hun;ter2\";Database=x", "Host=db;PWD=***;Database=x")]
    [TestCase("Host=db;Password=hunter2", "Host=db;Password=***")]
    [TestCase("postgres://bot:hunter2@db:5432/x", "postgres://bot:***@db:5432/x")]
    [TestCase("failed:\nline two\r\n", "failed: line two")]
    public void Redact_TextWithSecrets_MasksThemOnOneLine(string text, string expected) =>
        Assert.That(ConnectionStringRedactor.Redact(text), Is.EqualTo(expected));

    [Test]
    public void Redact_KnownSecretQuotedInAMessage_IsMaskedToo() =>
        Assert.That(ConnectionStringRedactor.Redact("auth failed for hunter2", "hunter2"), Is.EqualTo("auth failed for ***"));
}
