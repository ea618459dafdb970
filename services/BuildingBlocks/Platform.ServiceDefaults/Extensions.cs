using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;

using Platform.ServiceDefaults.Time;
using Platform.ServiceDefaults.Validation;

namespace Platform.ServiceDefaults;

public static class Extensions
{
    public const string LiveTag = "live";

    /// <summary>
    /// What every host shares: two Kestrel ports (HTTP/1 for REST and health, HTTP/2-only for gRPC), OpenTelemetry,
    /// health checks, JWT validation, the tenant context, gRPC with JSON transcoding and error mapping.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        builder.AddHostDefaults();
        builder.Services.AddTenantContext();
        builder.Services.AddPlatformClock(builder.Configuration);
        builder.AddPlatformAuthentication();
        builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
        builder.Services.AddGrpc(o =>
        {
            // Outermost first: the error mapping also turns the validation's refusals into InvalidArgument.
            o.Interceptors.Add<ErrorMappingInterceptor>();
            o.Interceptors.Add<RequestValidationInterceptor>();
            o.EnableDetailedErrors = false;
            o.MaxReceiveMessageSize = builder.Configuration.GetValue("Grpc:MaxReceiveMessageSize", 4 * 1024 * 1024);
        }).AddJsonTranscoding();
        builder.Services.AddGrpcReflection();
        return builder;
    }

    /// <summary>
    /// What a host that serves no API shares with the services (the portal): its ports, OpenTelemetry, problem details
    /// and the liveness check.
    /// </summary>
    public static WebApplicationBuilder AddHostDefaults(this WebApplicationBuilder builder)
    {
        builder.ConfigurePorts();
        builder.AddTimestampedConsole();
        builder.AddOpenTelemetry();
        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// /health (readiness: every check, database and broker included) and /alive (liveness). A degraded check is not
    /// ready either: a host whose broker is unreachable answers 503, so a load balancer or an operator is not told
    /// "ready" while its events pile up.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = HealthResponseWriter.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag) })
            .AllowAnonymous();
        // Reflection lists every method and message: for signed-in callers (tools such as grpcurl with a token), and
        // off altogether where Grpc:Reflection is false.
        if (app.Configuration.GetValue("Grpc:Reflection", true))
        {
            app.MapGrpcReflectionService().RequireAuthorization();
        }

        app.MapClockControl();
        return app;
    }

    /// <summary>
    /// The middleware order every host uses: errors, authentication, tenant, authorization, then a gRPC request's frame
    /// is checked (only for callers allowed to make the call).
    /// </summary>
    public static WebApplication UsePlatformDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseTenantContext();
        app.UseAuthorization();
        app.UseGrpcFrameValidation(app.Configuration);
        return app;
    }

    /// <summary>
    /// One line per entry, stamped in UTC ISO 8601: the logs of several hosts can be laid side by side.
    /// </summary>
    private static void AddTimestampedConsole(this WebApplicationBuilder builder) =>
        builder.Logging.AddSimpleConsole(o =>
        {
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            o.UseUtcTimestamp = true;
            o.SingleLine = true;
        });

    private static void ConfigurePorts(this WebApplicationBuilder builder)
    {
        var http = builder.Configuration.GetValue<int?>("Ports:Http");
        var grpc = builder.Configuration.GetValue<int?>("Ports:Grpc");
        if (http is null && grpc is null)
        {
            return;
        }

        var address = System.Net.IPAddress.Parse(builder.Configuration["Ports:Address"] ?? "0.0.0.0");
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = builder.Configuration.GetValue<long?>("Limits:MaxRequestBodyBytes")
                ?? 64 * 1024 * 1024;
            if (http is { } h)
            {
                k.Listen(address, h, o => o.Protocols = HttpProtocols.Http1);
            }

            // Without TLS a port speaks HTTP/2 only if it speaks nothing else.
            if (grpc is { } g)
            {
                k.Listen(address, g, o => o.Protocols = HttpProtocols.Http2);
            }
        });
    }

    /// <summary>
    /// Traces and metrics, exported over OTLP where <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Where it is not, no span
    /// is recorded: every request would otherwise fill in spans (its own, each outgoing call's, each SQL statement's)
    /// that nothing reads. The request's own activity is still made, so trace ids stay in the logs, in X-Request-Id
    /// and in problem details, and still travel to the services in traceparent.
    /// </summary>
    private static void AddOpenTelemetry(this WebApplicationBuilder builder)
    {
        var exported = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeFormattedMessage = true;
            o.IncludeScopes = true;
        });
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Environment.ApplicationName))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter("MassTransit", "Npgsql", "Platform.*"))
            .WithTracing(t =>
            {
                t.AddSource(builder.Environment.ApplicationName, "MassTransit", "Platform.*")
                    .AddAspNetCoreInstrumentation(
                        o => o.Filter = c => c.Request.Path != "/health" && c.Request.Path != "/alive")
                    .AddGrpcClientInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddNpgsql();
                if (!exported)
                {
                    t.SetSampler(new AlwaysOffSampler());
                }
            });
        if (exported)
        {
            otel.UseOtlpExporter();
        }
    }
}
