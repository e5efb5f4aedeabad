namespace DrillBot.Tests.Support.Postgres;

/// <summary>Where the PostgreSQL server binaries are: <c>DRILLBOT_PG_BIN</c>, else Debian's PostgreSQL 15 directory.</summary>
internal sealed record PostgresBinaries(string Directory)
{
    public const string DefaultDirectory = "/usr/lib/postgresql/15/bin";

    public const string DirectoryVariable = "DRILLBOT_PG_BIN";

    public string InitDb => Path.Combine(Directory, "initdb");

    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    public bool Exist => File.Exists(InitDb) && File.Exists(PgCtl);

    public static PostgresBinaries Locate()
    {
        var configured = Environment.GetEnvironmentVariable(DirectoryVariable);
        return new PostgresBinaries(string.IsNullOrWhiteSpace(configured) ? DefaultDirectory : configured.Trim());
    }
}
