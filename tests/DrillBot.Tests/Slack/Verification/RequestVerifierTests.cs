using DrillBot.Slack.Verification;
using Microsoft.Extensions.Time.Testing;

namespace DrillBot.Tests.Slack.Verification;

public sealed class RequestVerifierTests
{
    // Slack's documented example (api.slack.com "Verifying requests from Slack").
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static FakeTimeProvider ClockAt(long unixSeconds) => new(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

    [Test]
    public void ComputeSignature_SlackDocumentedExample_MatchesDocumentedSignature() =>
        Assert.That(RequestVerifier.ComputeSignature(Secret, Timestamp, Body), Is.EqualTo(Expected));

    [Test]
    public void Verify_SlackDocumentedExampleAtItsTime_IsValid()
    {
        var verifier = new RequestVerifier(Secret, ClockAt(1531420618 + 10));
        Assert.That(verifier.Verify(Timestamp, Expected, Body), Is.EqualTo(VerificationResult.Valid));
    }

    [Test]
    public void Verify_BodyChangedByOneCharacter_SignatureMismatch()
    {
        var verifier = new RequestVerifier(Secret, ClockAt(1531420618));
        var result = verifier.Verify(Timestamp, Expected, Body.Replace("roadrunner", "roadrunneR", StringComparison.Ordinal));
        Assert.That(result.Failure, Is.EqualTo(VerificationFailure.SignatureMismatch));
    }

    [Test]
    public void Verify_SignatureForgedWithAnotherSecret_SignatureMismatch()
    {
        var verifier = new RequestVerifier(Secret, ClockAt(1531420618));
        var forged = RequestVerifier.ComputeSignature("not-the-secret", Timestamp, Body);
        Assert.That(verifier.Verify(Timestamp, forged, Body).Failure, Is.EqualTo(VerificationFailure.SignatureMismatch));
    }

    [Test]
    public void Verify_ValidSignatureReplayedWithOtherTimestamp_SignatureMismatch()
    {
        var verifier = new RequestVerifier(Secret, ClockAt(1531420618));
        Assert.That(verifier.Verify("1531420619", Expected, Body).Failure, Is.EqualTo(VerificationFailure.SignatureMismatch));
    }

    [TestCase(301, VerificationFailure.StaleTimestamp)]
    [TestCase(-301, VerificationFailure.StaleTimestamp)]
    [TestCase(300, VerificationFailure.None)]
    [TestCase(-300, VerificationFailure.None)]
    public void Verify_ClockOffsetFromTimestamp_RefusedBeyondFiveMinutesBothWays(int offsetSeconds, VerificationFailure expected)
    {
        var verifier = new RequestVerifier(Secret, ClockAt(1531420618 + offsetSeconds));
        Assert.That(verifier.Verify(Timestamp, Expected, Body).Failure, Is.EqualTo(expected));
    }

    [TestCase(null, VerificationFailure.MissingTimestamp)]
    [TestCase("", VerificationFailure.MissingTimestamp)]
    [TestCase("abc", VerificationFailure.MalformedTimestamp)]
    [TestCase("-1531420618", VerificationFailure.MalformedTimestamp)]
    [TestCase("1531420618.5", VerificationFailure.MalformedTimestamp)]
    [TestCase("99999999999999999999", VerificationFailure.MalformedTimestamp)]
    public void Verify_BadTimestampHeader_Refused(string? timestamp, VerificationFailure expected)
    {
        var verifier = new RequestVerifier(Secret, ClockAt(1531420618));
        Assert.That(verifier.Verify(timestamp, Expected, Body).Failure, Is.EqualTo(expected));
    }

    [TestCase(null, VerificationFailure.MissingSignature)]
    [TestCase("  ", VerificationFailure.MissingSignature)]
    [TestCase("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", VerificationFailure.MalformedSignature)]
    [TestCase("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", VerificationFailure.MalformedSignature)]
    [TestCase("v0=zz114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", VerificationFailure.MalformedSignature)]
    [TestCase("v0=a2114d57", VerificationFailure.MalformedSignature)]
    public void Verify_BadSignatureHeader_Refused(string? signature, VerificationFailure expected)
    {
        var verifier = new RequestVerifier(Secret, ClockAt(1531420618));
        Assert.That(verifier.Verify(Timestamp, signature, Body).Failure, Is.EqualTo(expected));
    }

    [Test]
    public void Verify_Refusal_ReasonNeverContainsSecretOrSignature()
    {
        var verifier = new RequestVerifier(Secret, ClockAt(1531420618));
        var reason = verifier.Verify(Timestamp, "v0=" + new string('0', 64), Body).Reason;
        Assert.That(reason, Does.Not.Contain(Secret).And.Not.Contain("a2114d57"));
    }
}
