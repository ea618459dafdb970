using Microsoft.AspNetCore.Http.Features;

namespace Platform.Gateway.Routing;

public static class GatewayMiddleware
{
    public const string RequestIdHeader = "X-Request-Id";

    /// <summary>Every request carries an id, given by the client or made here, echoed in the response.</summary>
    public static IApplicationBuilder UseRequestId(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var id = context.Request.Headers[RequestIdHeader].ToString();
            if (id.Length is 0 or > 128)
            {
                id = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
                context.Request.Headers[RequestIdHeader] = id;
            }

            context.Response.Headers[RequestIdHeader] = id;
            await next(context);
        });

    /// <summary>
    /// Request bodies are limited (Limits:MaxApiBodyBytes, 1 MiB by default; Limits:MaxImportBodyBytes, 32 MiB, for
    /// document imports and evidence uploads) over REST and gRPC alike, and refused before they reach a service: 413
    /// with problem details, or ResourceExhausted for a gRPC caller. A body without a declared length is cut off at the
    /// limit while it streams.
    /// </summary>
    public static IApplicationBuilder UseApiBodyLimit(
        this IApplicationBuilder app,
        long defaultMaxBytes,
        long importMaxBytes) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? string.Empty;
            var isGrpc = GrpcAnswer.IsGrpc(context.Request);
            if (!isGrpc && !context.Request.Path.StartsWithSegments("/api"))
            {
                await next(context);
                return;
            }

            // Document imports (":import", or the ImportTaskList method) and evidence uploads carry a file; every other
            // call is small.
            var isUpload = path.EndsWith(":import", StringComparison.Ordinal) ||
                           path.EndsWith("/ImportTaskList", StringComparison.Ordinal) ||
                           (HttpMethods.IsPost(context.Request.Method)
                               && path.Equals("/api/v1/evidence", StringComparison.Ordinal));
            var maxBytes = isUpload ? importMaxBytes : defaultMaxBytes;
            if (context.Request.ContentLength > maxBytes)
            {
                await WriteTooLargeAsync(context, maxBytes);
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = maxBytes;
            }

            await next(context);
        });

    /// <summary>The gateway's refusal of a body over its limit, in the caller's protocol.</summary>
    public static Task WriteTooLargeAsync(HttpContext context, long maxBytes)
    {
        var detail = $"The request body is larger than the limit of {maxBytes} bytes.";
        if (GrpcAnswer.IsGrpc(context.Request))
        {
            GrpcAnswer.WriteTrailersOnly(context.Response, GrpcAnswer.ResourceExhausted, detail);
            return Task.CompletedTask;
        }

        return Results.Problem(
            title: "Request too large",
            detail: detail,
            statusCode: StatusCodes.Status413PayloadTooLarge)
            .ExecuteAsync(context);
    }
}
