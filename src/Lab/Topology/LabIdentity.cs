namespace DrillBot.Lab;

/// <summary>
/// A user of the emulated API servers other than the kubeconfig's admin (topology <c>identities:</c>): it gets its own
/// bearer token per context (<see cref="LabHost.KubeconfigFor"/>) and may do only what its RBAC rules allow.
/// </summary>
/// <param name="Name">The user name in 403 messages and the kubeconfig (a DNS label).</param>
/// <param name="Rules">What it may do; nothing else is allowed.</param>
public sealed record LabIdentity(string Name, IReadOnlyList<LabRbacRule> Rules);
