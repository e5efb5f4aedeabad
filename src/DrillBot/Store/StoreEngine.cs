namespace DrillBot.Store;

/// <summary>The database engine behind the store.</summary>
public enum StoreEngine
{
    /// <summary>A SQLite file (Microsoft.Data.Sqlite): the single-replica default.</summary>
    Sqlite,

    /// <summary>PostgreSQL (Npgsql): shared by several replicas.</summary>
    Postgres,
}
