namespace DrillBot.Lab.Mesh;

/// <summary>
/// The VirtualService <c>http[]</c> entry that productpage's requests to reviews match: its fault (injected
/// by productpage's own sidecar, before any endpoint is picked), its weighted destinations (a subset pins
/// traffic to that subset's endpoints) and its retry policy.
/// </summary>
/// <param name="Source">The VirtualService, e.g. <c>VirtualService/default/reviews</c>.</param>
/// <param name="Fault">The <c>fault</c> block, or null.</param>
/// <param name="Destinations">Weighted destinations; empty means the whole reviews host.</param>
/// <param name="Retries">The route's <c>retries</c>, or null for Istio's default policy.</param>
internal sealed record VirtualServiceRoute(string Source, HttpFaultSpec? Fault, IReadOnlyList<RouteDestination> Destinations, RetryPolicy? Retries);

/// <summary>One <c>route[]</c> entry: a subset of the reviews host (null = every endpoint) and its weight.</summary>
internal sealed record RouteDestination(string? Subset, int Weight);
