namespace DrillBot.Store;

/// <summary>
/// The store cannot be used as configured: a bad <c>DRILLBOT_DB</c>, an unreachable database, or a
/// schema this version does not know. The message is one line, names <c>DRILLBOT_DB</c> and never
/// contains a password.
/// </summary>
public sealed class StoreException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public StoreException()
        : base("DRILLBOT_DB: the store cannot be used.")
    {
    }

    /// <summary>Creates the exception with a one-line message.</summary>
    public StoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and its cause.</summary>
    public StoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
