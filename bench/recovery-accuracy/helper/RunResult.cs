namespace DrillBot.Bench.RecoveryAccuracy;

/// <summary>
/// One run: the Lab's fault instant (<c>scale-applied</c> replicas=0), DrillBot's t0 (<c>faultAt</c>, the client's
/// view of the API server's acknowledgement), the true recovery instant and each method's figures.
/// <see cref="PhaseOffsetMs"/> is the random offset added to the steady state to decorrelate the fault from the
/// probe schedule (see run.sh). <see cref="TruthCheck"/> is "ok" when the Lab's <c>first-response</c> events after the truth name cn-shanghai only.
/// </summary>
internal sealed record RunResult(
    int Run,
    string Verdict,
    int ExitCode,
    int LateSamples,
    int PhaseOffsetMs,
    DateTimeOffset LabFaultAt,
    DateTimeOffset FaultAt,
    DateTimeOffset? Truth,
    double? TrueRecoverySeconds,
    string TruthCheck,
    double Load1,
    IReadOnlyList<MethodResult> Methods)
{
    public MethodResult Of(string method) => Methods.Single(m => m.Method == method);
}
