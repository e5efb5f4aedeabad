namespace DrillBot.Lab;

/// <summary>A Bookinfo Deployment, labelled <c>app</c>/<c>version</c> as in the runbook.</summary>
/// <param name="Name">Deployment name, conventionally <c>{app}-{version}</c> (e.g. <c>reviews-v1</c>).</param>
/// <param name="Replicas">Initial replica count.</param>
public sealed record LabDeploymentSpec(string Name, int Replicas = 1)
{
    private readonly string? _app;
    private readonly string? _version;

    /// <summary>The <c>app</c> label (and Service name); defaults to the name before the last <c>-</c>.</summary>
    public string App
    {
        get => _app ?? SplitName().App;
        init => _app = value;
    }

    /// <summary>The <c>version</c> label; defaults to the name after the last <c>-</c>.</summary>
    public string Version
    {
        get => _version ?? SplitName().Version;
        init => _version = value;
    }

    private (string App, string Version) SplitName()
    {
        var dash = Name.LastIndexOf('-');
        return dash <= 0 || dash == Name.Length - 1 ? (Name, "v1") : (Name[..dash], Name[(dash + 1)..]);
    }
}
