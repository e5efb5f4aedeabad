namespace DrillBot.Tests.Chart;

/// <summary>tools/chart-render behaves like `helm template` where the chart relies on it.</summary>
public sealed class ChartRenderToolTests
{
    private string chart = "";

    [SetUp]
    public void CreateFixtureChart()
    {
        chart = Directory.CreateDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, $"fixture-{Guid.NewGuid():N}")).FullName;
        Directory.CreateDirectory(Path.Combine(chart, "templates"));
        Directory.CreateDirectory(Path.Combine(chart, "files"));
        File.WriteAllText(Path.Combine(chart, "Chart.yaml"), "apiVersion: v2\nname: fixture\nversion: 1.2.3\nappVersion: \"4.5\"\n");
        File.WriteAllText(Path.Combine(chart, "values.yaml"), "n: 2\nmap: { keep: 1, drop: 2 }\ngreeting: \"hello {{ .Release.Name }}\"\nneeded: \"\"\n");
        File.WriteAllText(Path.Combine(chart, "files", "a.conf"), "alpha\n");
        File.WriteAllText(Path.Combine(chart, "files", "b.conf"), "beta\n");
    }

    [TearDown]
    public void DeleteFixtureChart() => Directory.Delete(chart, recursive: true);

    [Test]
    public async Task Render_NumberFromValuesFile_IsAFloatAsInHelm()
    {
        Template("bad.yaml", "x: {{ gt .Values.n 1 }}\n");
        var failed = await ChartRenderer.RenderChartAsync(chart);
        Template("bad.yaml", "x: {{ gt (int .Values.n) 1 }}\n");
        var fixedUp = await ChartRenderer.RenderChartAsync(chart);

        Assert.That(failed.ExitCode, Is.Not.Zero);
        Assert.That(failed.Stderr, Does.Contain("incompatible types for comparison"));
        Assert.That(fixedUp.ExitCode, Is.Zero, fixedUp.Stderr);
        Assert.That(fixedUp.Stdout, Does.Contain("x: true"));
    }

    [Test]
    public async Task Render_OverlayAndSet_MergeDeeplyAndNullDeletes()
    {
        var overlay = Path.Combine(chart, "overlay.yaml");
        await File.WriteAllTextAsync(overlay, "map: { drop: null, added: 3 }\n");
        Template("m.yaml", "m: {{ toJson .Values.map }}\nn: {{ .Values.n }}\n");

        var result = await ChartRenderer.RenderChartAsync(chart, "-f", overlay, "--set", "n=7");

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Stdout, Does.Contain("m: {\"added\":3,\"keep\":1}"));
        Assert.That(result.Stdout, Does.Contain("n: 7"));
    }

    [Test]
    public async Task Render_RequiredEmpty_FailsWithHelmsExecutionErrorShape()
    {
        Template("r.yaml", "{{ required \"needed is required\" .Values.needed }}\n");

        var result = await ChartRenderer.RenderChartAsync(chart);

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Stderr.Trim(), Is.EqualTo("Error: execution error at (fixture/templates/r.yaml:1:3): needed is required"));
    }

    [Test]
    public async Task Render_IncludeTplAndFiles_WorkAsInHelm()
    {
        Template("_helpers.tpl", "{{- define \"fixture.label\" -}}app: {{ .Chart.Name }}-{{ .Chart.AppVersion }}{{- end }}\n");
        Template("cm.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ .Release.Name }}
              labels: {{- include "fixture.label" . | nindent 4 }}
              annotations:
                greeting: {{ tpl .Values.greeting . | quote }}
            data:
              {{- (.Files.Glob "files/*.conf").AsConfig | nindent 2 }}
              missing: {{ .Files.Get "templates/cm.yaml" | quote }}
            """);

        var result = await ChartRenderer.RenderChartAsync(chart, "--name", "rel");

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        var cm = ManifestSet.Parse(result.Stdout).Single("ConfigMap", "rel");
        Assert.Multiple(() =>
        {
            Assert.That(cm.Source, Is.EqualTo("fixture/templates/cm.yaml"));
            Assert.That(cm.Root.Str("metadata", "labels", "app"), Is.EqualTo("fixture-4.5"));
            Assert.That(cm.Root.Str("metadata", "annotations", "greeting"), Is.EqualTo("hello rel"));
            Assert.That(cm.Root.Str("data", "a.conf"), Is.EqualTo("alpha\n"));
            Assert.That(cm.Root.Str("data", "b.conf"), Is.EqualTo("beta\n"));
            Assert.That(cm.Root.Str("data", "missing"), Is.Empty, "templates/ is not reachable through .Files");
        });
    }

    [Test]
    public async Task Render_SeparatorsAndEmptyParts_OneSourceHeaderPerDocument()
    {
        Template("two.yaml", "---\n# only a comment before\n---\na: 1\n---\n\n---\nb: 2\n");

        var result = await ChartRenderer.RenderChartAsync(chart);

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Stdout, Is.EqualTo("---\n# Source: fixture/templates/two.yaml\n# only a comment before\n---\n# Source: fixture/templates/two.yaml\na: 1\n---\n# Source: fixture/templates/two.yaml\nb: 2\n"));
    }

    [Test]
    public async Task Render_SchemaWithUnsupportedKeyword_FailsInsteadOfIgnoringIt()
    {
        await File.WriteAllTextAsync(Path.Combine(chart, "values.schema.json"), "{\"type\": \"object\", \"propertyNames\": {\"pattern\": \"^[a-z]+$\"}}");
        Template("x.yaml", "a: 1\n");

        var result = await ChartRenderer.RenderChartAsync(chart);

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Stderr, Does.Contain("schema keyword \"propertyNames\" is not supported"));
    }

    private void Template(string name, string content) => File.WriteAllText(Path.Combine(chart, "templates", name), content);
}
