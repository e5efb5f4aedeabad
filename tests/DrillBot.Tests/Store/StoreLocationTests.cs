using DrillBot.Store;

namespace DrillBot.Tests.Store;

public sealed class StoreLocationTests
{
    [Test]
    public void Parse_Unset_IsTheDefaultSqliteFileUnderData()
    {
        var location = StoreLocation.Parse(null);

        Assert.That(location.Engine, Is.EqualTo(StoreEngine.Sqlite));
        Assert.That(location.Display, Is.EqualTo(Path.GetFullPath("./data/drillbot.db")));
        Assert.That(StoreLocation.Parse("  ").Display, Is.EqualTo(location.Display));
    }

    [TestCase("/var/lib/drillbot/state.db")]
    [TestCase("Data Source=/var/lib/drillbot/state.db")]
    [TestCase("DataSource=/var/lib/drillbot/state.db;Cache=Private")]
    public void Parse_SqlitePathOrDataSource_IsSqliteWithAbsolutePath(string value)
    {
        var location = StoreLocation.Parse(value);

        Assert.That(location.Engine, Is.EqualTo(StoreEngine.Sqlite));
        Assert.That(location.Display, Is.EqualTo("/var/lib/drillbot/state.db"));
        Assert.That(location.ConnectionString, Does.Contain("/var/lib/drillbot/state.db"));
    }

    [TestCase("Host=db.internal;Database=drillbot;Username=bot;Password=hunter2")]
    [TestCase("host=db.internal; database=drillbot; username=bot; password='hunter2'")]
    [TestCase("Server=db.internal;Database=drillbot;User ID=bot;Pwd=hunter2")]
    public void Parse_PostgresConnectionString_IsPostgresAndNeverShowsThePassword(string value)
    {
        var location = StoreLocation.Parse(value);

        Assert.That(location.Engine, Is.EqualTo(StoreEngine.Postgres));
        Assert.That(location.Display, Does.Contain("db.internal").And.Not.Contain("hunter2"));
        Assert.That(location.ToString(), Does.Not.Contain("hunter2"));
        Assert.That(location.ConnectionString, Does.Contain("hunter2"), "the driver still gets it");
    }

    [TestCase("Host=;Database=x;Password=hunter2", "empty Host")]
    [TestCase("Host=db;Port=abc;Password=hunter2", "PostgreSQL")]
    [TestCase("Host=db;Bogus=1;Password=hunter2", "PostgreSQL")]
    [TestCase("postgres://bot:hunter2@db/drillbot", "URLs are not supported")]
    [TestCase("Data Source=:memory:", "in-memory")]
    [TestCase("Data Source=/tmp/x.db;Mode=ReadOnly", "ReadOnly")]
    [TestCase("Data Source=/tmp/x.db;Nope=1;Password=hunter2", "SQLite")]
    [TestCase("User=bot;Password=hunter2", "unrecognized")]
    [TestCase("Host=db;Password=\"hunter2", "connection string")]
    [TestCase("/tmp/", "directory")]
    public void Parse_BadValue_OneLineErrorNamingTheVariableWithoutThePassword(string value, string reason)
    {
        var ok = StoreLocation.TryParse(value, out var location, out var error);

        Assert.That(ok, Is.False);
        Assert.That(location, Is.Null);
        Assert.That(error, Does.StartWith("DRILLBOT_DB: ").And.Contain(reason).And.Not.Contain("hunter2").And.Not.Contain('\n'));
        Assert.That(Assert.Throws<StoreException>(() => StoreLocation.Parse(value))!.Message, Is.EqualTo(error));
    }

    [Test]
    public void OpenAsync_UnreachablePostgres_OneLineErrorWithoutThePassword()
    {
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        var location = StoreLocation.Parse($"Host=127.0.0.1;Port={port};Database=drillbot;Username=bot;Password=hunter2;Timeout=3");

        var error = Assert.ThrowsAsync<StoreException>(() => StoreFactory.OpenAsync(location, TimeProvider.System, null, CancellationToken.None));

        Assert.That(error!.Message, Does.StartWith("DRILLBOT_DB: cannot open the PostgreSQL database Host=127.0.0.1").And.Not.Contain("hunter2").And.Not.Contain('\n'));
    }

    [Test]
    public void OpenAsync_SqliteFileWhereNoDirectoryCanBeMade_OneLineErrorNamingTheVariable()
    {
        var location = StoreLocation.Parse("/proc/self/drillbot/drillbot.db");

        var error = Assert.ThrowsAsync<StoreException>(() => StoreFactory.OpenAsync(location, TimeProvider.System, null, CancellationToken.None));

        Assert.That(error!.Message, Does.StartWith("DRILLBOT_DB: cannot open the SQLite database /proc/self/drillbot/drillbot.db: ").And.Not.Contain('\n'));
    }

    [Test]
    public async Task OpenAsync_SqliteFileInMissingDirectories_CreatesThemAndTheDatabase()
    {
        var root = Directory.CreateTempSubdirectory("drillbot-location-").FullName;
        try
        {
            var location = StoreLocation.Parse(Path.Combine(root, "nested", "data", "drillbot.db"));

            await using (var store = await StoreFactory.OpenAsync(location, TimeProvider.System, null, CancellationToken.None))
            {
                Assert.That(await store.CheckAsync(CancellationToken.None), Is.Null);
            }

            Assert.That(File.Exists(Path.Combine(root, "nested", "data", "drillbot.db")), Is.True);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }
}
