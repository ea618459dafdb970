using System.Text.Encodings.Web;
using System.Text.Json;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Platform.Gateway.Routing;

/// <summary>
/// REST errors leave the gateway as RFC 9457 problem details. Services answer transcoded calls with a google.rpc
/// Status body ({"code", "message"}); this rewrites it, keeping the gRPC code beside the HTTP status.
/// </summary>
public static class ProblemDetailsTransform
{
    private static readonly string[] CodeNames =
    [
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
        "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED",
        "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
    ];

    // Chinese messages stay readable in the body rather than \uXXXX escapes.
    private static readonly JsonSerializerOptions Json =
        new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Add(TransformBuilderContext context)
    {
        // gRPC carries its status in trailers; the portal's answers (pages, downloads, its own JSON) are its own.
        if (context.Route.ClusterId is { } cluster
            && (cluster.EndsWith("-grpc", StringComparison.Ordinal) || cluster == ServiceRoutes.PortalCluster))
        {
            return;
        }

        context.AddResponseTransform(async transform =>
        {
            var response = transform.ProxyResponse;
            if (response is null || (int)response.StatusCode < 400 ||
                response.Content.Headers.ContentType?.MediaType != "application/json")
            {
                return;
            }

            var body = await response.Content.ReadAsStringAsync(transform.HttpContext.RequestAborted);
            if (TryReadStatus(body) is not { } status)
            {
                // Not a service status body (e.g. an OAuth error): pass it through unchanged.
                transform.SuppressResponseBody = true;
                await transform.HttpContext.Response.WriteAsync(body, transform.HttpContext.RequestAborted);
                return;
            }

            transform.SuppressResponseBody = true;
            var http = transform.HttpContext;
            http.Response.Headers.ContentLength = null;
            await WriteAsync(http, (int)response.StatusCode, status.Name, status.Message, http.RequestAborted);
        });
    }

    /// <summary>
    /// Writes a problem body in the shape above: the gateway's own answers (a timed-out or unreachable service) look
    /// like the services' errors, with the gRPC status name a gRPC client would have seen.
    /// </summary>
    public static Task WriteAsync(
        HttpContext http,
        int statusCode,
        string grpcStatus,
        string detail,
        CancellationToken cancellationToken)
    {
        var problem = new Dictionary<string, object?>
        {
            ["type"] = "https://duban.example.gov.cn/problems/" + grpcStatus.ToLowerInvariant().Replace('_', '-'),
            ["title"] = Title(statusCode),
            ["status"] = statusCode,
            ["detail"] = detail,
            ["grpcStatus"] = grpcStatus,
            ["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier,
        };
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = "application/problem+json";
        return http.Response.WriteAsync(JsonSerializer.Serialize(problem, Json), cancellationToken);
    }

    private static (string Name, string Message)? TryReadStatus(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object &&
                json.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number &&
                json.RootElement.TryGetProperty("message", out var message))
            {
                var value = code.GetInt32();
                var name = value >= 0 && value < CodeNames.Length ? CodeNames[value] : "UNKNOWN";
                return (name, message.GetString() ?? string.Empty);
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    private static string Title(int status) => status switch
    {
        400 => "The request is not valid",
        401 => "Sign-in required",
        403 => "Not allowed",
        404 => "Not found",
        409 => "Conflict",
        413 => "Request too large",
        429 => "Too many requests",
        502 => "The service did not answer",
        503 => "The service is unavailable",
        504 => "The service did not answer in time",
        _ => "The request failed",
    };
}
