using System.Net;
using System.Net.Sockets;
using DrillBot.Cli;
using DrillBot.Tests.Service.Support;
using Spectre.Console;

namespace DrillBot.Tests.Cli;

/// <summary><c>drillbot serve</c> through the command entry point: bad input exits 2 with every problem, a broken store 3, Ctrl-C stops it cleanly.</summary>
[NonParallelizable]
public sealed class ServeCommandTests
{
    private string directory = null!;

    [SetUp]
    public void SetUp()
    {
        directory = Directory.CreateTempSubdirectory("drillbot-serve-cli-").FullName;
        File.WriteAllText(Path.Combine(directory, "drills.yaml"), TestDrills.Yaml());
    }

    [TearDown]
    public void TearDown() => Directory.Delete(directory, recursive: true);

    [Test]
    public async Task Serve_BadEnvironment_Exit2WithOneLinePerProblem()
    {
        var (code, _, error) = await RunAsync(new() { ["DRILLBOT_SHUTDOWN_GRACE"] = "never", ["DRILLBOT_LOG_FORMAT"] = "xml" }, CancellationToken.None, "serve");

        Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(2));
        Assert.That(error, Does.Contain("error: DRILLBOT_SHUTDOWN_GRACE").And.Contain("error: DRILLBOT_LOG_FORMAT").And.Not.Contain("   at "));
    }

    [Test]
    public async Task Serve_InvalidDrillsYaml_Exit2WithFileLineColumn()
    {
        await File.WriteAllTextAsync(Path.Combine(directory, "drills.yaml"), TestDrills.Yaml().Replace("interval: 25ms", "interval: soon", StringComparison.Ordinal));

        var (code, _, error) = await RunAsync([], CancellationToken.None, "serve", "--config", "drills.yaml");

        Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(error, Does.Match(@"drills\.yaml:\d+:\d+: .*interval"));
    }

    [Test]
    public async Task Serve_UnreachableDatabase_Exit3OneLineWithoutPassword()
    {
        var (code, _, error) = await RunAsync(new() { ["DRILLBOT_DB"] = "Host=127.0.0.1;Port=1;Database=x;Username=u;Password=hunter2;Timeout=2", ["PRODUCTPAGE_URL"] = "http://127.0.0.1:9/productpage" }, CancellationToken.None, "serve");

        Assert.That(code, Is.EqualTo(ExitCodes.Errored));
        Assert.That(error, Does.StartWith("error: DRILLBOT_DB").And.Not.Contain("hunter2").And.Not.Contain("   at "));
    }

    [Test]
    public async Task Serve_RunningThenCancelled_ServesAndExits0()
    {
        var port = FreePort();
        using var stop = new CancellationTokenSource();
        var env = new Dictionary<string, string> { ["DRILLBOT_DB"] = Path.Combine(directory, "state.db"), ["PRODUCTPAGE_URL"] = "http://127.0.0.1:9/productpage" };
        var serving = RunAsync(env, stop.Token, "serve", "--urls", $"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        await Eventually.WaitAsync(
            async () =>
            {
                try
                {
                    using var response = await http.GetAsync("/readyz");
                    return response.StatusCode == HttpStatusCode.OK ? "ready" : null;
                }
                catch (HttpRequestException)
                {
                    return null;
                }
            },
            "serve to be ready");
        await stop.CancelAsync();
        var (code, _, error) = await serving;

        Assert.That(code, Is.EqualTo(ExitCodes.Passed), error);
    }

    private async Task<(int Code, string Out, string Error)> RunAsync(Dictionary<string, string> env, CancellationToken cancellationToken, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        var cli = new CliEnvironment { Out = console, Error = error, Variables = n => env.GetValueOrDefault(n), WorkingDirectory = directory };
        using (CliEnvironment.Use(cli))
        {
            var parse = CliApp.BuildRoot().Parse(args);
            var code = await parse.InvokeAsync(null, cancellationToken);
            return (code, output.ToString(), error.ToString());
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
