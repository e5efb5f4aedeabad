namespace DrillBot.Drills.Steps;

/// <summary>How a step changes its object.</summary>
public enum ChangeKind
{
    /// <summary>JSON merge patch of some fields.</summary>
    Patch,

    /// <summary>spec.replicas through the scale subresource (annotations by merge patch).</summary>
    Scale,

    /// <summary>The object does not exist: it is created, and restore deletes it.</summary>
    Create,
}
