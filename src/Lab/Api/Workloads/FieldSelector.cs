using System.Text.Json.Nodes;

namespace DrillBot.Lab.Api;

/// <summary>The field selectors every resource supports: <c>metadata.name</c> and <c>metadata.namespace</c>.</summary>
internal sealed class FieldSelector
{
    private readonly List<(string Field, string Value, bool Equal)> _terms = [];

    public static bool TryParse(string? text, out FieldSelector selector)
    {
        selector = new FieldSelector();
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        foreach (var part in text.Split(','))
        {
            var notEqual = part.Contains("!=", StringComparison.Ordinal);
            var pieces = part.Split(notEqual ? "!=" : part.Contains("==", StringComparison.Ordinal) ? "==" : "=", 2);
            if (pieces.Length != 2 || pieces[0].Trim() is not ("metadata.name" or "metadata.namespace"))
            {
                return false;
            }

            selector._terms.Add((pieces[0].Trim(), pieces[1].Trim(), !notEqual));
        }

        return true;
    }

    public bool Matches(JsonObject obj) => _terms.All(t =>
        (obj["metadata"]?[t.Field["metadata.".Length..]]?.ToString() == t.Value) == t.Equal);
}
