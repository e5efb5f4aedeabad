namespace DrillBot.Drills.Analysis;

/// <summary>
/// What a control run showed: the drill's post-fault expectations measured without the remediation
/// (<see cref="Checks"/>, named as in the real run; they do not decide the verdict), the <c>control.degraded</c>
/// check that does, whether the remediation was <see cref="Necessary"/> (null: undecided), and the
/// <see cref="Finding"/> when the fault recovered without it.
/// </summary>
public sealed record ControlResult(CheckResult Degraded, IReadOnlyList<CheckResult> Checks, bool? Necessary, string? Finding);
