using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// Answers given to gRPC callers before a handler runs (the gateway's limits and timeouts, a service's refusal of a
/// malformed frame): they read a status, not an HTTP error page.
/// </summary>
public static class GrpcAnswer
{
    public const int InvalidArgument = 3;
    public const int DeadlineExceeded = 4;
    public const int ResourceExhausted = 8;
    public const int Unavailable = 14;

    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>A trailers-only gRPC response: HTTP 200 with the status in the headers.</summary>
    public static void WriteTrailersOnly(HttpResponse response, int status, string message)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(message);
    }
}
