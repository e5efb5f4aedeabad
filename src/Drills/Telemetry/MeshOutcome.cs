using DrillBot.Drills.Analysis;

namespace DrillBot.Drills.Telemetry;

/// <summary>What the mesh added to a run: its checks, reasons for the verdict, and the report's <c>mesh</c> and <c>budget</c>.</summary>
internal sealed record MeshOutcome(IReadOnlyList<CheckResult> Checks, IReadOnlyList<string> Reasons, MeshReport? Report, BudgetReport? Budget)
{
    public static MeshOutcome None { get; } = new([], [], null, null);
}
