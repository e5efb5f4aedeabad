namespace DrillBot.Drills.Preflight;

/// <summary>Why a run must not start: a refusal (the drill's configuration cannot work on this mesh) or an error reading the mesh.</summary>
internal sealed record PreflightFinding(bool Errored, string Reason)
{
    public static PreflightFinding Refuse(string reason) => new(false, $"preflight: {reason}");

    public static PreflightFinding Error(string reason) => new(true, reason);
}
