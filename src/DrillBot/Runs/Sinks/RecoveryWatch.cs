using DrillBot.Drills.Definitions;
using DrillBot.Drills.Running;
using DrillBot.Drills.Running.Events;
using DrillBot.Runs.Events;

namespace DrillBot.Runs.Sinks;

/// <summary>
/// Watches the live samples after t0 for the first window of <c>stableFor</c> in which every sample
/// is ok and served by the expected class, and announces it once (a progress line; the report's
/// analysis stays the authority on the recovery time).
/// </summary>
internal sealed class RecoveryWatch(RecoveryExpectation expectation, Action<RecoveryDetected> announce) : IDrillObserver
{
    private readonly Lock gate = new();
    private DateTimeOffset? faultAt;
    private DateTimeOffset? streakStart;
    private bool announced;

    public void OnEvent(DrillEvent drillEvent)
    {
        RecoveryDetected? detected = null;
        lock (gate)
        {
            switch (drillEvent)
            {
                case StepApplied { Fault: true } step:
                    faultAt = step.At;
                    break;
                case ProbeSampled sampled when faultAt is { } t0 && !announced && sampled.Sample.SentAt >= t0:
                    var s = sampled.Sample;
                    if (!s.Ok || !string.Equals(s.Class, expectation.ServedBy, StringComparison.Ordinal))
                    {
                        streakStart = null;
                        break;
                    }

                    streakStart ??= s.SentAt;
                    if (s.SentAt - streakStart >= expectation.StableFor)
                    {
                        announced = true;
                        detected = new RecoveryDetected(sampled.RunId, sampled.Drill, sampled.At, Math.Round((streakStart.Value - t0).TotalSeconds, 3), expectation.ServedBy);
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
