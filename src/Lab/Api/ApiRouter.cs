using DrillBot.Lab.State;

namespace DrillBot.Lab.Api;

/// <summary>
/// Dispatches one API request of one context: discovery, then resources by group/version/plural.
/// Runs under the world lock (API traffic is light; the mesh hot path never takes it).
/// </summary>
internal sealed class ApiRouter(LabWorld world, ContextState context, string serverAddress)
{
    private readonly DeploymentHandler _deployments = new(world, context);
    private readonly StoredObjectHandler _stored = new(world, context);
    private readonly WorkloadReader _workloads = new(world, context);

    public ApiResult Handle(ApiRequest request)
    {
        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return KubeStatus.PathNotFound();
        }

        return segments[0] switch
        {
            "version" when segments.Length == 1 => ApiResult.Ok(DiscoveryDocuments.Version()),
            "healthz" or "livez" or "readyz" when segments.Length == 1 => new ApiResult(200, "ok") { ContentType = "text/plain" },
            "api" => Core(request, segments),
            "apis" => Groups(request, segments),
            "openapi" when segments.Length == 2 && segments[1] == "v2" => OpenApiDocuments.EmptyV2(),
            "openapi" when segments.Length == 2 && segments[1] == "v3" => ApiResult.Ok(OpenApiDocuments.Root(context)),
            "openapi" when segments.Length > 2 && segments[1] == "v3" => OpenApiDocuments.GroupVersion(context, string.Join('/', segments[2..])) is { } doc ? ApiResult.Ok(doc) : KubeStatus.PathNotFound(),
            _ => KubeStatus.PathNotFound(),
        };
    }

    private ApiResult Core(ApiRequest request, string[] segments) => segments.Length switch
    {
        1 => ApiResult.Ok(DiscoveryDocuments.CoreVersions(serverAddress)),
        2 when segments[1] == "v1" => ApiResult.Ok(DiscoveryDocuments.ResourceList(context, "", "v1")!),
        > 2 when segments[1] == "v1" => Resource(request, "", "v1", segments[2..]),
        _ => KubeStatus.PathNotFound(),
    };

    private ApiResult Groups(ApiRequest request, string[] segments) => segments.Length switch
    {
        1 => ApiResult.Ok(DiscoveryDocuments.GroupList(context)),
        2 => DiscoveryDocuments.GroupDocument(context, segments[1]) is { } g ? ApiResult.Ok(g) : KubeStatus.PathNotFound(),
        3 => DiscoveryDocuments.ResourceList(context, segments[1], segments[2]) is { } l ? ApiResult.Ok(l) : KubeStatus.PathNotFound(),
        _ => Resource(request, segments[1], segments[2], segments[3..]),
    };

    private ApiResult Resource(ApiRequest request, string group, string version, string[] rest)
    {
        string? ns = null;
        if (rest.Length >= 3 && rest[0] == "namespaces")
        {
            ns = rest[1];
            rest = rest[2..];
        }

        if (rest.Length > 3 || ResourceCatalog.Find(context, group, version, rest[0]) is not { } type
            || (!type.Namespaced && ns is not null))
        {
            return KubeStatus.PathNotFound();
        }

        var address = new ResourceAddress(type, version, ns, rest.Length > 1 ? rest[1] : null, rest.Length > 2 ? rest[2] : null);
        if ((address.Subresource is not null && !(type == ResourceCatalog.Deployments && address.Subresource is "scale" or "status"))
            || (type.Namespaced && ns is null && address.Name is not null))
        {
            return KubeStatus.PathNotFound();
        }

        var watch = request.QueryValue("watch") is "true" or "1";
        var verb = watch ? "watch" : address.Verb(request.Method);
        if (watch && (!type.Stored || address.Subresource is not null || request.Method is not ("GET" or "HEAD")))
        {
            return KubeStatus.MethodNotAllowed($"watch of {type.QualifiedPlural} is not supported by the DrillBot Lab (generated from the emulated pods); poll with get/list instead");
        }

        if (!AllowedVerb(type, address, verb))
        {
            return KubeStatus.MethodNotAllowed("the server does not allow this method on the requested resource");
        }

        if (request.QueryValue("dryRun") is { } dryRun && dryRun != "All")
        {
            return KubeStatus.Unprocessable($"{OptionsKind(verb)}.meta.k8s.io \"\" is invalid: dryRun: Unsupported value: []string{{\"{dryRun}\"}}: supported values: \"All\"");
        }

        if (type.Handler != ResourceHandlerKind.AccessReviews)
        {
            var name = address.Name ?? (verb == "create" ? CreatedName(request, verb) : verb is "list" or "watch" ? NameFromFieldSelector(request) : null);
            var rbacGroup = address.Subresource == "scale" ? "apps" : type.Group;
            var (allowed, _) = world.Authorize(context, request.Identity, new AccessAttributes(verb, rbacGroup, type.Plural, address.Subresource, ns, verb == "create" ? null : name));
            var forbiddenKind = address.Subresource == "scale" ? ResourceCatalog.DeploymentKind : type.Kind;
            if (!allowed || world.Control.IsForbidden(context.Name, verb, forbiddenKind, address.Name ?? CreatedName(request, verb)))
            {
                return KubeStatus.Forbidden(type, address.Name, verb, ns, address.Subresource, request.Identity);
            }

            if (verb is "create" or "patch" or "update" or "delete"
                && world.Control.DeniedBy(context.Name, verb, forbiddenKind, address.Name ?? CreatedName(request, verb), request.QueryValue("dryRun") == "All") is { } why)
            {
                return KubeStatus.AdmissionDenied(type, address.Name, why);
            }
        }

        if (watch)
        {
            return new ApiResult(200, "") { Watch = address };
        }

        lock (world.Gate)
        {
            var now = world.Time.GetUtcNow();
            world.Begin(now);
            var result = Dispatch(request, address, now);
            if (type.Handler == ResourceHandlerKind.AccessReviews)
            {
                return result;
            }

            if (verb is not ("get" or "list"))
            {
                world.Publish(now);
            }
            else if (address.Subresource is null && TableRenderer.Wanted(request.Accept))
            {
                result = TableRenderer.Render(result, type, request.QueryValue("includeObject") == "Object", now);
            }

            return result;
        }
    }

    private ApiResult Dispatch(ApiRequest request, ResourceAddress address, DateTimeOffset now) => address.Type.Handler switch
    {
        ResourceHandlerKind.Deployments => _deployments.Handle(request, address, now),
        ResourceHandlerKind.Istio or ResourceHandlerKind.Leases or ResourceHandlerKind.ConfigMaps or ResourceHandlerKind.CustomResource
            or ResourceHandlerKind.Autoscalers => _stored.Handle(request, address, now),
        ResourceHandlerKind.AccessReviews => AccessReviewHandler.Handle(world, context, request),
        _ => _workloads.Handle(request, address),
    };

    private static bool AllowedVerb(ResourceType type, ResourceAddress address, string verb) => address.Subresource switch
    {
        null => type.Verbs.Contains(verb),
        "scale" when type == ResourceCatalog.Deployments => verb is "get" or "update" or "patch",
        "status" when type == ResourceCatalog.Deployments => verb == "get",
        _ => false,
    };

    private static string OptionsKind(string verb) => verb switch
    {
        "create" => "CreateOptions",
        "delete" => "DeleteOptions",
        "update" => "UpdateOptions",
        _ => "PatchOptions",
    };

    /// <summary>The name a list or watch is limited to by <c>fieldSelector=metadata.name=X</c> (how RBAC resourceNames apply to them).</summary>
    private static string? NameFromFieldSelector(ApiRequest request) =>
        (request.QueryValue("fieldSelector") ?? "").Split(',').Select(t => t.Trim()).FirstOrDefault(t => t.StartsWith("metadata.name=", StringComparison.Ordinal) && !t.Contains("!=", StringComparison.Ordinal)) is { } term
            ? term["metadata.name=".Length..].TrimStart('=')
            : null;

    private static string? CreatedName(ApiRequest request, string verb) =>
        verb == "create" ? CanonicalJson.ParseObject(request.Body)?["metadata"]?["name"]?.ToString() : null;
}
