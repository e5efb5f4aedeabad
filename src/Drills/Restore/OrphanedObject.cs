using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Restore;

/// <summary>An object carrying the <c>drillbot.io/*</c> annotations of a run that is neither alive nor in the journal.</summary>
public sealed record OrphanedObject(ObjectRef Target, string RunId, string PriorAnnotation);
