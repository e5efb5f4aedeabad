namespace DrillBot.Slack.Verification;

/// <summary>Why a request was (not) accepted. <see cref="Reason"/> is safe to log: it never holds a secret or a signature.</summary>
public sealed record VerificationResult(bool IsValid, VerificationFailure Failure, string Reason)
{
    public static VerificationResult Valid { get; } = new(true, VerificationFailure.None, "signature valid");

    public static VerificationResult Fail(VerificationFailure failure, string reason) => new(false, failure, reason);
}

/// <summary>The ways a Slack request fails verification.</summary>
public enum VerificationFailure
{
    None,
    MissingTimestamp,
    MalformedTimestamp,
    StaleTimestamp,
    MissingSignature,
    MalformedSignature,
    SignatureMismatch,
}
