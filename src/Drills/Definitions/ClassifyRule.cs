using System.Text.RegularExpressions;

namespace DrillBot.Drills.Definitions;

/// <summary>
/// One classification rule; a response matches when every condition given matches. Rules are tried
/// in order, the first match wins; a response no rule matches (and every timeout or connection
/// error) is class <c>error</c>, not ok.
/// </summary>
public sealed record ClassifyRule(string Class, int? Status, string? BodyContains, Regex? BodyMatches, bool Ok);
