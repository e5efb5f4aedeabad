namespace DrillBot.Lab.Controllers;

/// <summary>One owner object (Application, Kustomization, ScaledObject, HorizontalPodAutoscaler) in one context.</summary>
internal sealed record OwnerRef(string Context, string Kind, string Namespace, string Name)
{
    public override string ToString() => $"{Kind} {Namespace}/{Name}";
}
