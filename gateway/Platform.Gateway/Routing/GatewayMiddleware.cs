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
    /// Bodies of REST calls are limited (Limits:MaxApiBodyBytes, 1 MiB by default; Limits:MaxImportBodyBytes, 32 MiB, for
    /// document imports and evidence uploads) and refused with 413 before they
    /// reach a service; gRPC messages are limited by the services' own receive limits.
    /// </summary>
    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app, long defaultMaxBytes, long importMaxBytes) =>
        app.Use(async (context, next) =>
        {
            // Document imports (":import") and evidence uploads carry a file; every other call is small.
            var isUpload = context.Request.Path.Value?.EndsWith(":import", StringComparison.Ordinal) == true ||
                           (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals("/api/v1/evidence", StringComparison.Ordinal));
            var maxBytes = isUpload ? importMaxBytes : defaultMaxBytes;
            var isGrpc = context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
            if (!isGrpc && context.Request.Path.StartsWithSegments("/api"))
            {
                if (context.Request.ContentLength > maxBytes)
                {
                    await Results.Problem(
                            title: "Request too large",
                            detail: $"The request body is {context.Request.ContentLength} bytes; the limit is {maxBytes} bytes.",
                            statusCode: StatusCodes.Status413PayloadTooLarge)
                        .ExecuteAsync(context);
                    return;
                }

                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = maxBytes;
                }
            }

            await next(context);
        });
}
