using System.Text.Json.Nodes;

namespace DrillBot.Lab.Api;

/// <summary>Kubernetes <c>Status</c> bodies, worded like the real API server's.</summary>
internal static class KubeStatus
{
    public static ApiResult Failure(int code, string reason, string message, ResourceType? type = null, string? name = null)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
        };
        if (type is not null || name is not null)
        {
            var details = new JsonObject();
            if (name is not null)
            {
                details["name"] = name;
            }

            if (type is not null)
            {
                details["group"] = type.Group;
                details["kind"] = type.Plural;
            }

            status["details"] = details;
        }

        status["code"] = code;
        return new ApiResult(code, status.ToJsonString(JsonDefaults.Options));
    }

    public static ApiResult Success(ResourceType type, string name, string? uid)
    {
        var details = new JsonObject { ["name"] = name, ["group"] = type.Group, ["kind"] = type.Plural };
        if (uid is not null)
        {
            details["uid"] = uid;
        }

        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = details,
        };
        return ApiResult.Ok(status.ToJsonString(JsonDefaults.Options));
    }

    public static ApiResult NotFound(ResourceType type, string name) =>
        Failure(404, "NotFound", $"{type.QualifiedPlural} \"{name}\" not found", type, name);

    public static ApiResult NamespaceNotFound(string ns) =>
        Failure(404, "NotFound", $"namespaces \"{ns}\" not found", null, ns);

    public static ApiResult PathNotFound() =>
        Failure(404, "NotFound", "the server could not find the requested resource");

    public static ApiResult Unauthorized() => Failure(401, "Unauthorized", "Unauthorized");

    public static ApiResult BadRequest(string message) => Failure(400, "BadRequest", message);

    public static ApiResult MethodNotAllowed(string message) => Failure(405, "MethodNotAllowed", message);

    public static ApiResult Conflict(ResourceType type, string name) =>
        Failure(409, "Conflict",
            $"Operation cannot be fulfilled on {type.QualifiedPlural} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
            type, name);

    public static ApiResult PreconditionConflict(ResourceType type, string name, string message) =>
        Failure(409, "Conflict", $"Operation cannot be fulfilled on {type.QualifiedPlural} \"{name}\": {message}", type, name);

    public static ApiResult AlreadyExists(ResourceType type, string name) =>
        Failure(409, "AlreadyExists", $"{type.QualifiedPlural} \"{name}\" already exists", type, name);

    public static ApiResult Invalid(ResourceType type, string name, string field, string detail) =>
        Failure(422, "Invalid", $"{type.Kind}.{type.GroupForMessage} \"{name}\" is invalid: {field}: {detail}", type, name);

    public static ApiResult Unprocessable(string message) => Failure(422, "Invalid", message);

    public static ApiResult UnsupportedMediaType(string accepted) =>
        Failure(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: {accepted}");

    public static ApiResult Forbidden(ResourceType type, string? name, string verb, string? ns, string? subresource = null, string? user = null)
    {
        var subject = name is null ? type.QualifiedPlural : $"{type.QualifiedPlural} \"{name}\"";
        var scope = ns is null ? "at the cluster scope" : $"in the namespace \"{ns}\"";
        var resource = subresource is null ? type.Plural : $"{type.Plural}/{subresource}";
        var group = subresource == "scale" ? "apps" : type.Group;
        var message = $"{subject} is forbidden: User \"{user ?? "system:serviceaccount:default:drillbot"}\" cannot {verb} resource \"{resource}\" in API group \"{group}\" {scope}";
        return Failure(403, "Forbidden", message, type, name);
    }

    /// <summary>A validating admission webhook's refusal (403 unless the webhook sets another code).</summary>
    public static ApiResult AdmissionDenied(ResourceType type, string? name, string why) =>
        Failure(403, "Forbidden", $"admission webhook \"validate.lab.drillbot.io\" denied the request: {why}", type, name);

    public static ApiResult Fault(int status) => status switch
    {
        429 => Failure(429, "TooManyRequests", "Too many requests, please try again later.") with { RetryAfter = "1" },
        503 => Failure(503, "ServiceUnavailable", "The server is currently unable to handle the request (injected by the Lab)") with { RetryAfter = "1" },
        500 => Failure(500, "InternalError", "Internal error occurred: injected by the Lab"),
        _ => Failure(status, "InternalError", $"Internal error occurred: injected by the Lab (HTTP {status})"),
    };
}
