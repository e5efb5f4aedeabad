using System.Text.Json.Nodes;
using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Steps;

/// <summary>
/// The change one step makes: <see cref="Fields"/> is the merge patch of the fields the drill sets
/// (for <see cref="ChangeKind.Create"/>, the whole new object).
/// </summary>
internal sealed record StepChange(ObjectRef Target, ChangeKind Kind, JsonObject Fields, string Description);
