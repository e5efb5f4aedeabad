using System.Text.Json.Nodes;
using DrillBot.Drills.Cluster;
using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Steps;

/// <summary>
/// One change to apply through <see cref="StepExecutor"/>: the object, the journal's step name, and how to compute the change
/// from the object as read (or why it cannot be made).
/// </summary>
internal sealed record ChangeRequest(ObjectRef Target, string Step, Func<JsonObject?, (StepChange? Change, ClusterError? Refusal)> Build);
