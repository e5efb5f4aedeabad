namespace DrillBot.Drills.Scheduling;

/// <summary>A parsed cron expression bound to its time zone (made by an <see cref="ICronParser"/>).</summary>
public interface ICronSchedule
{
    /// <summary>The expression as written.</summary>
    string Expression { get; }

    /// <summary>True when <paramref name="instant"/> is one of the expression's instants (inside the window).</summary>
    bool Includes(DateTimeOffset instant);

    /// <summary>The first instant after <paramref name="instant"/> the expression matches (the next fire), or null when there is none.</summary>
    DateTimeOffset? NextIncludedAfter(DateTimeOffset instant);

    /// <summary>The first instant after <paramref name="instant"/> the expression does not match (where a window ends), or null.</summary>
    DateTimeOffset? NextExcludedAfter(DateTimeOffset instant);
}
