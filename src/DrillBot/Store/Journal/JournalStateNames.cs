using DrillBot.Drills.Journal;

namespace DrillBot.Store.Journal;

/// <summary>The stored spelling of <see cref="JournalEntryState"/>.</summary>
internal static class JournalStateNames
{
    public static string Text(JournalEntryState state) => state switch
    {
        JournalEntryState.Recorded => "recorded",
        JournalEntryState.Applied => "applied",
        JournalEntryState.Restored => "restored",
        JournalEntryState.RestoreFailed => "restore-failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static JournalEntryState State(string text) => text switch
    {
        "recorded" => JournalEntryState.Recorded,
        "applied" => JournalEntryState.Applied,
        "restored" => JournalEntryState.Restored,
        "restore-failed" => JournalEntryState.RestoreFailed,
        _ => throw new InvalidOperationException($"The store holds an unknown journal entry state '{text}'."),
    };

    public static ObjectKind Kind(string text) =>
        Enum.TryParse<ObjectKind>(text, ignoreCase: false, out var kind) && Enum.IsDefined(kind)
            ? kind
            : throw new InvalidOperationException($"The store holds an unknown object kind '{text}'.");
}
