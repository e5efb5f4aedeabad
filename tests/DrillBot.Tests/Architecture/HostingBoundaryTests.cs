using DrillBot.Hosting;
using DrillBot.Tests.Observability;

namespace DrillBot.Tests.Architecture;

/// <summary>
/// Hosting is the composition root only: features expose AddX/MapX and never name a Hosting type; only the
/// <c>serve</c> command (which starts the root) does. Slack's shapes stay in the Slack folder (Hosting composes it).
/// </summary>
public sealed class HostingBoundaryTests
{
    private const string Hosting = "DrillBot.Hosting";
    private const string Slack = "DrillBot.Slack";
    private static readonly Type[] Types = typeof(ServiceApp).Assembly.GetTypes();

    private static bool StartsTheRoot(Type type) => TypeUses.Outermost(type).FullName == "DrillBot.Cli.ServeCommand";

    private static List<string> Violations(string owner, Func<Type, bool> allowed) =>
        Types.Where(t => !TypeUses.In(TypeUses.Outermost(t), owner) && !allowed(t))
            .SelectMany(t => TypeUses.Of(t).Where(u => TypeUses.In(u, owner)).Select(u => $"{t.FullName} uses {u.FullName}"))
            .Distinct()
            .ToList();

    private static List<string> SourceViolations(string directory, string owner, params string[] allowedFiles) =>
        SourceScan.CSharpFiles(RepositoryRoot.Combine("src", "DrillBot"))
            .Select(f => Path.GetRelativePath(RepositoryRoot.Combine("src", "DrillBot"), f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(directory + "/", StringComparison.Ordinal) && !allowedFiles.Contains(f))
            .SelectMany(f => SourceScan.Uses(File.ReadAllText(RepositoryRoot.Combine("src", "DrillBot", f)), [owner]).Select(h => $"{f} {h}"))
            .ToList();

    [Test]
    public void Features_Signatures_NoHostingType()
    {
        Assert.That(Types.Count(t => TypeUses.In(t, Hosting)), Is.GreaterThan(5), "the check sees the Hosting types");
        Assert.That(Violations(Hosting, StartsTheRoot), Is.Empty);
    }

    [Test]
    public void Features_Sources_NoHostingNamespace() =>
        Assert.That(SourceViolations("Hosting", Hosting, "Cli/ServeCommand.cs"), Is.Empty);

    [Test]
    public void Violations_ServeCommandNotExempt_Found() =>
        Assert.That(Violations(Hosting, _ => false), Has.Some.StartsWith("DrillBot.Cli.ServeCommand"), "the check would catch a feature naming Hosting");

    [Test]
    public void OutsideSlackAndHosting_Signatures_NoSlackType() =>
        Assert.That(Violations(Slack, t => TypeUses.In(TypeUses.Outermost(t), Hosting)), Is.Empty);

    [Test]
    public void OutsideSlackAndHosting_Sources_NoSlackNamespace() =>
        Assert.That(SourceViolations("Slack", Slack).Where(v => !v.StartsWith("Hosting/", StringComparison.Ordinal)), Is.Empty);
}
