using System.Text.Json.Nodes;
using DrillBot.Lab.State;

namespace DrillBot.Lab.Api;

/// <summary>
/// <c>POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews</c>: may the caller (the identity its bearer token names)
/// do <c>spec.resourceAttributes</c>? Answered from the same rules the API server enforces, including the Lab's Forbid knob
/// (https://kubernetes.io/docs/reference/access-authn-authz/authorization/#checking-api-access). Nothing is stored.
/// </summary>
internal static class AccessReviewHandler
{
    public static ApiResult Handle(LabWorld world, ContextState context, ApiRequest request)
    {
        var protobuf = (request.ContentType ?? "").StartsWith(ProtobufAccessReview.ContentType, StringComparison.Ordinal);
        var body = protobuf ? ProtobufAccessReview.Read(request.RawBody) : CanonicalJson.ParseObject(request.Body);
        if (body?["spec"] is not JsonObject spec)
        {
            return KubeStatus.BadRequest("the request body is not a SelfSubjectAccessReview with a spec");
        }

        bool allowed;
        var reason = "";
        if (spec["resourceAttributes"] is JsonObject r)
        {
            var attributes = new AccessAttributes(Text(r, "verb") ?? "", Text(r, "group") ?? "", Text(r, "resource") ?? "", Text(r, "subresource"), Text(r, "namespace"), Text(r, "name"));
            (allowed, reason) = world.Authorize(context, request.Identity, attributes);
        }
        else if (spec["nonResourceAttributes"] is JsonObject)
        {
            allowed = request.Identity is null; // the admin only: identities have no non-resource rules
        }
        else
        {
            return KubeStatus.Unprocessable("SelfSubjectAccessReview.authorization.k8s.io \"\" is invalid: spec: Invalid value: exactly one of nonResourceAttributes or resourceAttributes must be specified");
        }

        var status = new JsonObject { ["allowed"] = allowed };
        if (reason.Length > 0)
        {
            status["reason"] = reason;
        }

        var review = new JsonObject
        {
            ["kind"] = "SelfSubjectAccessReview",
            ["apiVersion"] = "authorization.k8s.io/v1",
            ["metadata"] = new JsonObject { ["creationTimestamp"] = null },
            ["spec"] = spec.DeepClone(),
            ["status"] = status,
        };
        return ApiResult.Created(CanonicalJson.Serialize(review));
    }

    private static string? Text(JsonObject o, string key) => o[key]?.ToString() is { Length: > 0 } v ? v : null;
}
