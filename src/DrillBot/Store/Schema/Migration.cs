namespace DrillBot.Store.Schema;

/// <summary>
/// One forward-only schema step, written once per engine so both keep the same logical schema
/// (same tables, columns and keys; only the column types differ). Never edit a released migration
/// and never drop anything: add a new one.
/// </summary>
internal sealed record Migration(int Version, string Name, string Sqlite, string Postgres)
{
    public string SqlFor(StoreEngine engine) => engine == StoreEngine.Postgres ? Postgres : Sqlite;
}
