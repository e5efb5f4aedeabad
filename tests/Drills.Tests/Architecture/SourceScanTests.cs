namespace DrillBot.Drills.Tests.Architecture;

/// <summary>The scanner the architecture tests rely on finds what they forbid, and only that.</summary>
public sealed class SourceScanTests
{
    private static readonly string[] Forbidden = ["Quartz", "Microsoft.AspNetCore"];

    [TestCase("using Quartz;")]
    [TestCase("  global using Quartz.Impl;")]
    [TestCase("using static Quartz.CronScheduleBuilder;")]
    [TestCase("using Cron = Quartz.CronExpression;")]
    [TestCase("using Microsoft.AspNetCore.Http;")]
    [TestCase("var c = new Quartz.CronExpression(text);")]
    [TestCase("var c = new global::Quartz.CronExpression(text);")]
    public void Uses_ForbiddenNamespace_Found(string line) =>
        Assert.That(SourceScan.Uses($"namespace X;\n{line}\n", Forbidden), Is.EqualTo(new[] { $"line 2: {line.Trim()}" }));

    [TestCase("using QuartzLike;")]
    [TestCase("using DrillBot.Quartz;")]
    [TestCase("using Microsoft.AspNetCoreish;")]
    [TestCase("// using Quartz;")]
    [TestCase("var s = \"using Quartz;\";")]
    [TestCase("/// <summary>Quartz cron expression, or null.</summary>")]
    [TestCase("var x = drill.Quartz.Value;")]
    public void Uses_LookAlike_NotFound(string line) =>
        Assert.That(SourceScan.Uses($"namespace X;\n{line}\n", Forbidden), Is.Empty);
}
