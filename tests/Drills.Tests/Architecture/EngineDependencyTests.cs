using System.Xml.Linq;
using DrillBot.Drills.Definitions;

namespace DrillBot.Drills.Tests.Architecture;

/// <summary>The engine knows no host: no Quartz, no Slack, no Prometheus, no ASP.NET Core (cron comes through Scheduling/ICronParser).</summary>
public sealed class EngineDependencyTests
{
    /// <summary>Assembly names and namespaces the engine must not touch; "drillbot" is the host assembly (Slack lives there).</summary>
    private static readonly string[] ForbiddenAssemblies = ["Quartz", "Prometheus", "prometheus-net", "Microsoft.AspNetCore", "drillbot", "SlackNet", "SlackAPI"];

    private static readonly string[] ForbiddenNamespaces = ["Quartz", "Prometheus", "Microsoft.AspNetCore", "DrillBot.Slack", "DrillBot.Hosting", "DrillBot.Scheduling"];

    private static bool IsForbidden(string assembly) =>
        ForbiddenAssemblies.Any(f => assembly.Equals(f, StringComparison.OrdinalIgnoreCase) || assembly.StartsWith(f + ".", StringComparison.OrdinalIgnoreCase));

    [Test]
    public void DrillsAssembly_References_NoHostAssembly()
    {
        var referenced = typeof(DrillsLoader).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.That(referenced, Is.Not.Empty.And.Contains("YamlDotNet"), "the check reads the real reference list");
        Assert.That(referenced.Where(IsForbidden), Is.Empty);
    }

    [TestCase("Quartz", true)]
    [TestCase("Quartz.Extensions.Hosting", true)]
    [TestCase("prometheus-net.AspNetCore", true)]
    [TestCase("Microsoft.AspNetCore.Http.Abstractions", true)]
    [TestCase("drillbot", true)]
    [TestCase("KubernetesClient", false)]
    [TestCase("Microsoft.Extensions.Logging.Abstractions", false)]
    public void IsForbidden_AssemblyName_AsListed(string name, bool forbidden) =>
        Assert.That(IsForbidden(name), Is.EqualTo(forbidden));

    [Test]
    public void DrillsProject_PackageReferences_NoHostPackage()
    {
        var project = XDocument.Load(RepositoryRoot.Combine("src", "Drills", "Drills.csproj"));
        var packages = project.Descendants("PackageReference").Select(p => (string)p.Attribute("Include")!).ToList();

        Assert.That(packages, Does.Contain("YamlDotNet"), "the check reads the real project");
        Assert.That(packages.Where(IsForbidden), Is.Empty);
        Assert.That(project.Descendants("ProjectReference").Select(p => (string)p.Attribute("Include")!), Is.Empty, "the engine depends on no other project");
    }

    [Test]
    public void DrillsSources_Use_NoHostNamespace()
    {
        var files = SourceScan.CSharpFiles(RepositoryRoot.Combine("src", "Drills")).ToList();
        var hits = files.SelectMany(f => SourceScan.Uses(File.ReadAllText(f), ForbiddenNamespaces).Select(h => $"{Path.GetRelativePath(RepositoryRoot.Path, f)} {h}")).ToList();

        Assert.That(files, Has.Count.GreaterThan(100), "the scan sees the engine's sources");
        Assert.That(hits, Is.Empty);
    }
}
