namespace DrillBot.Store.Runs;

/// <summary>What started a run (report <c>trigger.kind</c>).</summary>
public enum RunTriggerKind
{
    /// <summary><c>drillbot run</c> on a terminal.</summary>
    Cli,

    /// <summary>A drill's schedule fired.</summary>
    Schedule,

    /// <summary><c>/drill run</c> in Slack.</summary>
    Slack,

    /// <summary><c>POST /api/drills/{name}/runs</c>.</summary>
    Api,
}
