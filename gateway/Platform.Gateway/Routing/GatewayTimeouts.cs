using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace Platform.Gateway.Routing;

/// <summary>
/// How long the gateway waits for a service before it answers for it. A hung service would otherwise hold every call
/// for YARP's idle timeout (100 s); each route names one of these request-timeout policies instead (ASP.NET Core's
/// request timeouts middleware, which YARP applies per route). Long-lived streams (WatchInbox, the portal's event
/// stream) name none. A timed-out call is answered 504 as problem details, or DEADLINE_EXCEEDED to a gRPC caller.
/// </summary>
public static partial class GatewayTimeouts
{
    public const string DefaultPolicy = "api-default";
    public const string LongPolicy = "api-long";
    public const string TokenPolicy = "token";
    public const string PortalPolicy = "portal";

    /// <summary>YARP's own idle timeout per proxied request; clusters never wait less than this.</summary>
    public static readonly TimeSpan YarpActivityTimeout = TimeSpan.FromSeconds(100);

    public static GatewayTimeoutOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Gateway:Timeouts");
        return new GatewayTimeoutOptions(
            Positive(section, "Default", TimeSpan.FromSeconds(15)),
            Positive(section, "Long", TimeSpan.FromSeconds(120)),
            Positive(section, "Token", TimeSpan.FromSeconds(5)),
            Positive(section, "Portal", TimeSpan.FromSeconds(150)));
    }

    public static IServiceCollection AddGatewayTimeouts(this IServiceCollection services, IConfiguration configuration)
    {
        var timeouts = Read(configuration);
        services.AddRequestTimeouts(o =>
        {
            o.AddPolicy(DefaultPolicy, Policy(timeouts.Default));
            o.AddPolicy(LongPolicy, Policy(timeouts.Long));
            o.AddPolicy(TokenPolicy, Policy(timeouts.Token));
            o.AddPolicy(PortalPolicy, Policy(timeouts.Portal));
        });
        return services;
    }

    /// <summary>
    /// The request timeouts middleware, and inside it the answer for a proxied call that failed. YARP reports a route
    /// timeout as if the client had gone away (RequestCanceled with a bare 400, dotnet/yarp#2662) and its own idle
    /// timeout as a bare 504; both become the gateway's 504 here. A service that cannot be reached gets the same
    /// treatment with its 502/503.
    /// </summary>
    public static IApplicationBuilder UseGatewayTimeouts(this IApplicationBuilder app)
    {
        app.UseRequestTimeouts();
        return app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Features.Get<IForwarderErrorFeature>() is not { Error: not ForwarderError.None } error
                || context.Response.HasStarted)
            {
                return;
            }

            var deadline = context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken;
            var timedOut = error.Error == ForwarderError.RequestTimedOut || deadline?.IsCancellationRequested == true;
            if (timedOut)
            {
                LogTimedOut(Logger(context), context.Request.Method, context.Request.Path, error.Error);
                await WriteTimedOutAsync(context);
            }
            else if (IsBodyTooLarge(error.Exception))
            {
                context.Response.Clear();
                await GatewayMiddleware.WriteTooLargeAsync(
                    context, context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0);
            }
            else if (context.Response.StatusCode >= StatusCodes.Status500InternalServerError)
            {
                // Below 500 the client went away or sent a broken body: nobody is waiting for an answer.
                await WriteUnavailableAsync(context, context.Response.StatusCode);
            }
        });
    }

    /// <summary>Kestrel stopped reading a body at the gateway's limit while YARP was streaming it on.</summary>
    private static bool IsBodyTooLarge(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return true;
            }
        }

        return false;
    }

    private static RequestTimeoutPolicy Policy(TimeSpan timeout) => new()
    {
        Timeout = timeout,
        // Used when a timeout surfaces as an exception rather than through YARP's error feature.
        WriteTimeoutResponse = WriteTimedOutAsync,
    };

    private static Task WriteTimedOutAsync(HttpContext context)
    {
        var detail = $"The service did not answer within {Limit(context)}; the gateway stopped waiting.";
        context.Response.Clear();
        if (GrpcAnswer.IsGrpc(context.Request))
        {
            GrpcAnswer.WriteTrailersOnly(context.Response, GrpcAnswer.DeadlineExceeded, detail);
            return Task.CompletedTask;
        }

        // RequestAborted is the timed-out token here: the answer must not be cancelled by it.
        return ProblemDetailsTransform.WriteAsync(
            context,
            StatusCodes.Status504GatewayTimeout,
            "DEADLINE_EXCEEDED",
            detail,
            CancellationToken.None);
    }

    private static Task WriteUnavailableAsync(HttpContext context, int statusCode)
    {
        const string detail = "The service could not be reached; try again shortly.";
        context.Response.Clear();
        if (GrpcAnswer.IsGrpc(context.Request))
        {
            GrpcAnswer.WriteTrailersOnly(context.Response, GrpcAnswer.Unavailable, detail);
            return Task.CompletedTask;
        }

        return ProblemDetailsTransform.WriteAsync(context, statusCode, "UNAVAILABLE", detail, CancellationToken.None);
    }

    /// <summary>The route's timeout in words, or YARP's idle timeout when the route has none.</summary>
    private static string Limit(HttpContext context)
    {
        var name = context.GetEndpoint()?.Metadata.GetMetadata<RequestTimeoutAttribute>()?.PolicyName;
        var policies = context.RequestServices.GetRequiredService<IOptions<RequestTimeoutOptions>>().Value.Policies;
        var timeout = name is not null && policies.TryGetValue(name, out var policy) && policy.Timeout is { } t
            ? t
            : YarpActivityTimeout;
        return $"{timeout.TotalSeconds:0.#} s";
    }

    private static TimeSpan Positive(IConfiguration section, string key, TimeSpan fallback)
    {
        var value = section.GetValue(key, fallback);
        return value > TimeSpan.Zero
            ? value
            : throw new InvalidOperationException($"Gateway:Timeouts:{key} must be positive, not {value}.");
    }

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Gateway.Timeouts");

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} timed out at the gateway ({Error}).")]
    private static partial void LogTimedOut(ILogger logger, string method, PathString path, ForwarderError error);
}
