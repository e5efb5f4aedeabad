using DrillBot.Lab.Api;

namespace DrillBot.Lab.State;

/// <summary>Who may do what: the Forbid knob for everyone, and each identity's RBAC rules.</summary>
internal sealed partial class LabWorld
{
    /// <summary>
    /// Whether <paramref name="identity"/> (null: the kubeconfig's admin) may do <paramref name="a"/> in <paramref name="context"/>,
    /// and why not when the Lab's Forbid knob refuses it.
    /// </summary>
    public (bool Allowed, string Reason) Authorize(ContextState context, string? identity, AccessAttributes a)
    {
        var kind = ResourceCatalog.All.FirstOrDefault(t => t.Group == a.Group && t.Plural == a.Resource)?.Kind ?? a.Resource;
        if (Control.IsForbidden(context.Name, a.Verb, a.Subresource == "scale" ? ResourceCatalog.DeploymentKind : kind, a.Name))
        {
            return (false, "refused by the Lab's Forbid knob");
        }

        if (identity is null)
        {
            return (true, "");
        }

        var rules = Topology.Identities.FirstOrDefault(i => i.Name == identity)?.Rules ?? [];
        return (RbacAuthorizer.Allows(rules, context.Name, a), "");
    }
}
