using DrillBot.Store;
using DrillBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DrillBot.Tests.Store;

/// <summary>
/// Base of the behavioural suite that runs unchanged against SQLite and PostgreSQL: each fixture
/// gets a database of its engine, emptied before every test, a store opened on it, and a fake clock.
/// </summary>
public abstract class StoreTestBase(StoreEngine engine)
{
    protected static readonly DateTimeOffset T0 = new(2025, 3, 4, 3, 0, 0, TimeSpan.Zero);

    private readonly List<IDrillBotStore> opened = [];

    protected StoreEngine Engine => engine;

    protected FakeTimeProvider Time { get; private set; } = null!;

    protected TestDatabase Database { get; private set; } = null!;

    protected IDrillBotStore Store { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync() => Database = await TestDatabase.CreateAsync(engine, GetType().Name);

    [OneTimeTearDown]
    public async Task DropDatabaseAsync()
    {
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }

    [SetUp]
    public async Task OpenStoreAsync()
    {
        await Database.ResetAsync();
        Time = new FakeTimeProvider(T0);
        Store = await OpenAnotherStoreAsync();
    }

    [TearDown]
    public async Task CloseStoresAsync()
    {
        foreach (var store in opened)
        {
            await store.DisposeAsync();
        }

        opened.Clear();
    }

    /// <summary>A second store instance on the same database, as another replica would have.</summary>
    protected async Task<IDrillBotStore> OpenAnotherStoreAsync()
    {
        var store = await StoreFactory.OpenAsync(Database.Location, Time, null, CancellationToken.None);
        opened.Add(store);
        return store;
    }

    /// <summary>Registers a store opened by the test so it is closed after it.</summary>
    protected T Track<T>(T store)
        where T : IDrillBotStore
    {
        opened.Add(store);
        return store;
    }
}
