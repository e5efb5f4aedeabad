using DrillBot.Drills.Analysis;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Running;
using DrillBot.Drills.Running.Events;
using DrillBot.Runs.Events;

namespace DrillBot.Runs.Sinks;

/// <summary>
/// Watches the live samples after t0 for the recovery window (the engine's <see cref="RecoveryStreak"/>: every sample
/// ok and served by the expected class for <c>stableFor</c>) and announces it once (a progress line; the report's
/// analysis stays the authority on the recovery time). It follows the real run's fault (not a control run's) and one
/// probe: <paramref name="probe"/>, the first entry of a drill's <c>probes:</c> (null: the single <c>probe:</c>).
/// </summary>
internal sealed class RecoveryWatch(RecoveryExpectation expectation, Action<RecoveryDetected> announce, string? probe = null) : IDrillObserver
{
    private readonly Lock gate = new();
    private readonly RecoveryStreak streak = RecoveryStreak.For(expectation);
    private DateTimeOffset? faultAt;
    private bool announced;

    public void OnEvent(DrillEvent drillEvent)
    {
        RecoveryDetected? detected = null;
        lock (gate)
        {
            switch (drillEvent)
            {
                case StepApplied { Fault: true, Control: false } step:
                    faultAt = step.At;
                    break;
                case ProbeSampled sampled when faultAt is { } t0 && !announced && sampled.Sample.SentAt >= t0 && sampled.Probe == probe:
                    if (streak.Add(sampled.Sample) is { } start)
                    {
                        announced = true;
                        detected = new RecoveryDetected(sampled.RunId, sampled.Drill, sampled.At, Math.Round((start.SentAt - t0).TotalSeconds, 3), expectation.ServedBy);
                    }

                    break;
            }
        }

        if (detected is not null)
        {
            announce(detected);
        }
    }
}
