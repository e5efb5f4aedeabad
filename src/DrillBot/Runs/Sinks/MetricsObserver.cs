using DrillBot.Drills.Running;
using DrillBot.Drills.Running.Events;
using DrillBot.Metrics;

namespace DrillBot.Runs.Sinks;

/// <summary>Feeds <see cref="DrillMetrics"/>: in progress, probe classes, the finished run.</summary>
internal sealed class MetricsObserver(DrillMetrics metrics) : IDrillObserver
{
    public void OnEvent(DrillEvent drillEvent)
    {
        switch (drillEvent)
        {
            case RunStarted started:
                metrics.RunStarted(started.Drill);
                break;
            case ProbeSampled sampled:
                metrics.ProbeSampled(sampled.Drill, sampled.Sample.Class);
                break;
            case RunFinished finished:
                metrics.RunFinished(FinishedRun.Of(finished.Report));
                metrics.Mesh.RunFinished(finished.Report);
                break;
        }
    }
}
