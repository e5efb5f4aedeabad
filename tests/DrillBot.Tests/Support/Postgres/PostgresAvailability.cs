namespace DrillBot.Tests.Support.Postgres;

/// <summary>
/// Whether PostgreSQL tests can run here. No binaries: skipped with the path that was searched —
/// unless <c>DRILLBOT_REQUIRE_POSTGRES=1</c> (CI), then they fail with the same reason.
/// </summary>
internal sealed record PostgresAvailability(string? Problem, bool MustFail)
{
    public static PostgresAvailability Decide(PostgresBinaries binaries, bool required)
    {
        if (binaries.Exist)
        {
            return new PostgresAvailability(null, false);
        }

        var reason = $"PostgreSQL server binaries not found: looked for initdb and pg_ctl in {binaries.Directory} " +
                     $"(install postgresql 15, or set {PostgresBinaries.DirectoryVariable} to its bin directory)";
        return required
            ? new PostgresAvailability($"{reason}; {PostgresTestServer.RequireVariable}=1 requires the PostgreSQL tests to run.", true)
            : new PostgresAvailability($"Skipped: {reason}.", false);
    }
}
