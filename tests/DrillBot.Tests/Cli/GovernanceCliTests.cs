using System.Text.Json.Nodes;
using DrillBot.Cli;
using DrillBot.Store;
using DrillBot.Tests.Store.Audit;
using DrillBot.Tests.Support;
using Spectre.Console;

namespace DrillBot.Tests.Cli;

/// <summary><c>drillbot freeze|unfreeze</c>, <c>drillbot audit [verify]</c> and <c>drillbot token</c> on a store (DRILLBOT_DB).</summary>
public sealed class GovernanceCliTests
{
    private TestDatabase database = null!;

    [SetUp]
    public async Task SetUp() => database = await TestDatabase.CreateAsync(StoreEngine.Sqlite, "cli-governance");

    [TearDown]
    public async Task TearDown() => await database.DisposeAsync();

    [Test]
    public async Task FreezeThenUnfreeze_StateInTheStoreAndBothInTheAudit()
    {
        var (frozenCode, frozen, _) = await RunAsync("freeze", "incident", "INC-42");
        var state = await FrozenAsync();
        var (again, againOut, _) = await RunAsync("freeze", "other");
        var (liftedCode, lifted, _) = await RunAsync("unfreeze");
        var (auditCode, audit, _) = await RunAsync("audit", "--json");
        var events = JsonNode.Parse(audit)!["events"]!.AsArray();

        Assert.That(frozenCode, Is.EqualTo(ExitCodes.Passed));
        Assert.That(frozen, Does.Contain("frozen by").And.Contain("incident INC-42").And.Contain("no drill was running"));
        Assert.That(state, Is.True);
        Assert.That(again, Is.EqualTo(ExitCodes.Passed));
        Assert.That(againOut, Does.Contain("already frozen").And.Contain("incident INC-42"));
        Assert.That(liftedCode, Is.EqualTo(ExitCodes.Passed));
        Assert.That(lifted, Does.Contain("unfrozen by"));
        Assert.That(auditCode, Is.EqualTo(ExitCodes.Passed));
        Assert.That(events.Select(e => e!["action"]!.GetValue<string>()), Is.EqualTo(new[] { "freeze", "unfreeze" }));
        Assert.That(events[0]!["source"]!.GetValue<string>(), Does.StartWith("cli:"));
        Assert.That(events[0]!["detail"]!["reason"]!.GetValue<string>(), Is.EqualTo("incident INC-42"));
    }

    [Test]
    public async Task Freeze_WithoutReason_Exit2AndNothingFrozen()
    {
        var (code, _, error) = await RunAsync("freeze");
        var state = await FrozenAsync();

        Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(error, Does.Contain("freeze needs a reason"));
        Assert.That(state, Is.False);
    }

    [Test]
    public async Task AuditVerify_IntactThenATamperedRow_Exit0ThenExit1NamingTheEvent()
    {
        await RunAsync("freeze", "first");
        await RunAsync("unfreeze");
        await RunAsync("token", "create", "ci", "--scope", "run,read");
        var (intactCode, intact, _) = await RunAsync("audit", "verify");

        await AuditStoreTests.TamperWith(database.Location, "UPDATE drillbot_audit SET actor = 'someone-else' WHERE seq = 2");
        var (brokenCode, _, broken) = await RunAsync("audit", "verify");
        var (jsonCode, json, _) = await RunAsync("audit", "verify", "--json");

        Assert.That(intactCode, Is.EqualTo(ExitCodes.Passed));
        Assert.That(intact, Does.Contain("audit log intact: 3 event(s)"));
        Assert.That(brokenCode, Is.EqualTo(ExitCodes.Failed));
        Assert.That(broken, Does.Contain("audit: event 2 (unfreeze by someone-else): its content does not match its hash").And.Contain("audit log BROKEN: 1 problem(s) in 3 event(s)"));
        Assert.That(jsonCode, Is.EqualTo(ExitCodes.Failed));
        Assert.That(JsonNode.Parse(json)!["intact"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task Token_CreateListRevoke_ShownOnceNeverListedNameNotReused()
    {
        var (created, output, _) = await RunAsync("token", "create", "ci", "--scope", "run", "--scope", "read");
        var token = output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("dbt_", StringComparison.Ordinal));
        var (_, list, _) = await RunAsync("token", "list");
        var (bad, _, badError) = await RunAsync("token", "create", "x", "--scope", "root");
        var (revoked, _, _) = await RunAsync("token", "revoke", "ci");
        var (reused, _, reuseError) = await RunAsync("token", "create", "ci", "--scope", "read");

        Assert.That(created, Is.EqualTo(ExitCodes.Passed));
        Assert.That(list, Does.Contain("ci").And.Contain("read,run").And.Not.Contain(token));
        Assert.That(bad, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(badError, Does.Contain("unknown scope 'root'"));
        Assert.That(revoked, Is.EqualTo(ExitCodes.Passed));
        Assert.That(reused, Is.EqualTo(ExitCodes.Failed));
        Assert.That(reuseError, Does.Contain("names of revoked tokens are not reused"));
    }

    private async Task<bool> FrozenAsync()
    {
        await using var store = await StoreFactory.OpenAsync(database.Location, TimeProvider.System, null, CancellationToken.None);
        return (await store.Freeze.GetAsync(CancellationToken.None)).Frozen;
    }

    private async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        console.Profile.Width = 300;
        var cli = new CliEnvironment { Out = console, Error = error, Variables = n => n == StoreLocation.VariableName ? database.Location.ConnectionString : null, WorkingDirectory = Path.GetTempPath() };
        using (CliEnvironment.Use(cli))
        {
            var code = await CliApp.BuildRoot().Parse(args).InvokeAsync();
            return (code, output.ToString(), error.ToString());
        }
    }
}
