using DrillBot.Drills.Analysis;

namespace DrillBot.Drills.Reports;

/// <summary>The lines the reports lead with: "Proved: a (checks), b (checks)" and "Not proved: …".</summary>
public static class ProofLines
{
    public static IReadOnlyList<string> Of(IReadOnlyList<Proof> proves)
    {
        ArgumentNullException.ThrowIfNull(proves);
        if (proves.Count == 0)
        {
            return ["Proved: no claim (this drill's steps and expectations back none of the known claims)"];
        }

        var lines = new List<string>();
        var proved = proves.Where(p => p.Proved).ToList();
        var not = proves.Where(p => !p.Proved).ToList();
        if (proved.Count > 0)
        {
            lines.Add("Proved: " + string.Join(", ", proved.Select(Describe)));
        }

        if (not.Count > 0)
        {
            lines.Add("Not proved: " + string.Join(", ", not.Select(Describe)));
        }

        return lines;
    }

    private static string Describe(Proof p) => p.Checks.Count == 0 ? $"{p.Claim} (no check backs it)" : $"{p.Claim} ({string.Join(", ", p.Checks)})";
}
