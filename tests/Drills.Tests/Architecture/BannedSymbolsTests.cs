using System.Reflection;
using System.Xml.Linq;

namespace DrillBot.Drills.Tests.Architecture;

/// <summary>
/// src/BannedSymbols.txt (read by Microsoft.CodeAnalysis.BannedApiAnalyzers, RS0030 is a build error in src/) bans the
/// wall clock outside TimeProvider. A misspelt entry would ban nothing, silently: every entry must name a real member.
/// </summary>
public sealed class BannedSymbolsTests
{
    private static readonly string[] Clock = ["P:System.DateTime.Now", "P:System.DateTime.UtcNow", "P:System.DateTimeOffset.Now", "P:System.DateTimeOffset.UtcNow"];

    private static IReadOnlyList<string> Entries() =>
        File.ReadAllLines(RepositoryRoot.Combine("src", "BannedSymbols.txt"))
            .Where(l => !string.IsNullOrWhiteSpace(l) && !l.StartsWith("//", StringComparison.Ordinal))
            .Select(l => l.Split(';')[0].Trim())
            .ToList();

    /// <summary>The static property a <c>P:Namespace.Type.Member</c> documentation id names, or null.</summary>
    internal static PropertyInfo? PropertyOf(string id)
    {
        if (!id.StartsWith("P:", StringComparison.Ordinal) || id.LastIndexOf('.') is var dot && dot < 3)
        {
            return null;
        }

        var type = typeof(object).Assembly.GetType(id[2..dot]);
        return type?.GetProperty(id[(dot + 1)..], BindingFlags.Public | BindingFlags.Static);
    }

    [Test]
    public void BannedSymbols_Clock_AllFourListed() =>
        Assert.That(Entries(), Is.SupersetOf(Clock));

    [Test]
    public void BannedSymbols_EveryEntry_NamesARealMember() =>
        Assert.That(Entries().Where(e => PropertyOf(e) is null), Is.Empty);

    [TestCase("P:System.DateTime.UtcNow", true)]
    [TestCase("P:System.DateTime.UtcNoww", false)]
    [TestCase("P:System.DateTimeOfset.Now", false)]
    [TestCase("M:System.DateTime.Now", false)]
    public void PropertyOf_Id_FoundOnlyWhenReal(string id, bool real) =>
        Assert.That(PropertyOf(id) is not null, Is.EqualTo(real));

    [Test]
    public void SrcBuildProps_WireTheAnalyzerAndTheList()
    {
        var props = XDocument.Load(RepositoryRoot.Combine("src", "Directory.Build.props"));

        Assert.That(props.Descendants("PackageReference").Select(p => (string)p.Attribute("Include")!), Does.Contain("Microsoft.CodeAnalysis.BannedApiAnalyzers"));
        Assert.That(props.Descendants("AdditionalFiles").Select(p => (string)p.Attribute("Include")!), Has.Some.EndsWith("BannedSymbols.txt"));
    }
}
