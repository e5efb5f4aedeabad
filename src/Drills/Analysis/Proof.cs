namespace DrillBot.Drills.Analysis;

/// <summary>
/// A claim a drill is built to prove (report <c>proves[]</c>): its name (see <see cref="Claims"/>), the
/// checks that back it, and whether every one of them was evaluated and passed.
/// </summary>
public sealed record Proof(string Claim, IReadOnlyList<string> Checks, bool Proved);
