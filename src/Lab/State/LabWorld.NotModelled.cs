using DrillBot.Lab.Hosting;
using DrillBot.Lab.Mesh;

namespace DrillBot.Lab.State;

/// <summary>Stored Istio config the Lab does not act on is never silent: each new item goes to the log and the timeline.</summary>
internal sealed partial class LabWorld
{
    private void ReportNotModelled(IReadOnlyList<NotModelled> before, IReadOnlyList<NotModelled> after, DateTimeOffset now)
    {
        foreach (var item in after.Except(before))
        {
            Record(now, LabEventKinds.NotModelled, MeshContext, item.Object, item.ToString());
            Log.NotModelled(Logger, item.Object, item.Why);
        }
    }
}
