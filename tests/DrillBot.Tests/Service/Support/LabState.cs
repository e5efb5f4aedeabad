using DrillBot.Lab;

namespace DrillBot.Tests.Service.Support;

/// <summary>The objects a drill may touch, as the Lab stores them (minus resourceVersion, generation, managedFields, status), for byte-for-byte comparison.</summary>
internal static class LabState
{
    public static IReadOnlyDictionary<string, string?> Snapshot(LabHost lab) => LabObjects.Snapshot(lab);
}
