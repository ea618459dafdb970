using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Platform.Gateway.Routing;

/// <summary>
/// Builds YARP's routes and clusters from <c>Services:{Name}:Http</c> and <c>Services:{Name}:Grpc</c>: REST resources
/// go to a service's HTTP/1 port (gRPC JSON transcoding), gRPC calls by package to its HTTP/2 port. With
/// <c>Services:Portal:Http</c> every other path goes to the portal, the browsers' web application. Every route names
/// its timeout policy (<see cref="GatewayTimeouts"/>); only long-lived streams have none.
/// </summary>
public static class ServiceRoutes
{
    // YARP reserves these names: "anonymous" allows anyone, "default" is the default (authenticated) policy.
    public const string AnonymousPolicy = "anonymous";
    public const string AuthenticatedPolicy = "default";

    /// <summary>
    /// Each service: the gRPC package it serves, its REST resources under /api/v1, and anonymous paths; the resources
    /// and paths that carry or produce files (the long timeout), and its server-streaming gRPC methods (no timeout).
    /// </summary>
    public static readonly IReadOnlyList<ServiceRouteSpec> Services =
    [
        new(
            "Units",
            "platform.units.v1",
            ["units", "tenants", "accounts", "clients"],
            ["/connect/token", "/.well-known/{**rest}", "/openapi/units.json"]),
        new(
            "Tasks",
            "platform.tasks.v1",
            ["task-lists", "tasks"],
            ["/openapi/tasks.json"],
            LongPaths: ["/api/v1/task-lists:import"]),
        new(
            "Reporting",
            "platform.reporting.v1",
            [
                "periods", "reports", "audit", "dashboards", "exports", "contributions", "task-requests", "evidence",
                "reporting-settings", "years", "completion", "assessment", "publicpage",
            ],
            ["/openapi/reporting.json"],
            LongResources: ["exports", "evidence"]),
        new(
            "Notifications",
            "platform.notifications.v1",
            ["inbox", "notification-settings", "webhooks", "deliveries"],
            ["/openapi/notifications.json"],
            StreamingMethods: ["Inbox/WatchInbox"]),
    ];

    /// <summary>The token endpoint: anonymous, and answered quickly or not at all.</summary>
    public const string TokenPath = "/connect/token";

    /// <summary>The portal's server-sent events (the live unread count): open as long as the page is.</summary>
    public const string PortalEventsPath = "/inbox/events";

    /// <summary>The portal's cluster: its HTTP/1 port, which serves pages, assets and downloads to browsers.</summary>
    public const string PortalCluster = "portal-http";

    /// <summary>
    /// The portal's catch-all comes after everything else: service routes, the token endpoint, OpenAPI documents, the
    /// gateway's own endpoints (health) and the unserved API paths below all have a lower order and win.
    /// </summary>
    public const int PortalRouteOrder = int.MaxValue;

    /// <summary>Unserved API paths come after the service routes (order 0), which may share their pattern.</summary>
    public const int UnservedApiPathOrder = 1;

    /// <summary>The API's path prefixes: a path under one of them is never a portal page.</summary>
    public static readonly IReadOnlyList<string> ApiPathPrefixes =
        ["/api", "/connect", "/openapi", "/.well-known", "/api-docs"];

    /// <summary>Headers a client must never be able to set: the tenant comes only from the token.</summary>
    public static readonly IReadOnlyList<string> StrippedHeaders = ["X-Tenant-Id", "X-Tenant", "Tenant-Id"];

    /// <summary>The OpenAPI documents the gateway's reference page lists: one per service that serves REST.</summary>
    public static IEnumerable<string> OpenApiDocuments(IConfiguration configuration) =>
        Services.Where(s => s.AnonymousPaths.Any(p => p.StartsWith("/openapi/", StringComparison.Ordinal)) &&
                            !string.IsNullOrEmpty(configuration[$"Services:{s.Name}:Http"]))
            .Select(s => s.Name.ToLowerInvariant());

    public static (IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters) Build(
        IConfiguration configuration)
    {
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();
        var timeouts = GatewayTimeouts.Read(configuration);
        foreach (var service in Services)
        {
            var section = configuration.GetSection($"Services:{service.Name}");
            var key = service.Name.ToLowerInvariant();
            if (section["Http"] is { Length: > 0 } http)
            {
                // The routes' timeouts decide; YARP's idle timeout must not cut a long call first.
                clusters.Add(Cluster(
                    $"{key}-http",
                    http,
                    grpc: false,
                    Max(GatewayTimeouts.YarpActivityTimeout, timeouts.Long)));
                // The operator's messaging endpoints (queues, re-drive, replay):
                // /api/v1/ops/{service}/…, platform-admin only.
                foreach (var resource in service.Resources.Append($"ops/{key}"))
                {
                    var timeout = service.LongResources?.Contains(resource) == true
                        ? GatewayTimeouts.LongPolicy
                        : GatewayTimeouts.DefaultPolicy;
                    routes.Add(Route(
                        $"{key}-{resource}",
                        $"{key}-http",
                        $"/api/v1/{resource}/{{**rest}}",
                        AuthenticatedPolicy,
                        timeout));
                    routes.Add(Route(
                        $"{key}-{resource}-custom",
                        $"{key}-http",
                        $"/api/v1/{resource}:{{verb}}",
                        AuthenticatedPolicy,
                        timeout));
                }

                // A literal path outranks the resource's "{resource}:{verb}" pattern.
                foreach (var (path, i) in (service.LongPaths ?? []).Select((p, i) => (p, i)))
                {
                    routes.Add(Route(
                        $"{key}-long-{i}",
                        $"{key}-http",
                        path,
                        AuthenticatedPolicy,
                        GatewayTimeouts.LongPolicy));
                }

                for (var i = 0; i < service.AnonymousPaths.Count; i++)
                {
                    var path = service.AnonymousPaths[i];
                    routes.Add(Route($"{key}-anonymous-{i}", $"{key}-http", path, AnonymousPolicy,
                        path == TokenPath ? GatewayTimeouts.TokenPolicy : GatewayTimeouts.DefaultPolicy));
                }
            }

            if (section["Grpc"] is { Length: > 0 } grpc)
            {
                clusters.Add(Cluster($"{key}-grpc", grpc, grpc: true, GatewayTimeouts.YarpActivityTimeout));
                var package = service.GrpcPackage.Replace(".", "\\.", StringComparison.Ordinal);
                routes.Add(Route(
                    $"{key}-grpc",
                    $"{key}-grpc",
                    $"/{{service:regex(^{package}\\.[A-Za-z]+$)}}/{{method}}",
                    AuthenticatedPolicy,
                    GatewayTimeouts.DefaultPolicy));

                // Server-streaming calls stay open by design: no total timeout, only YARP's idle timeout. A literal
                // path outranks the package's pattern.
                foreach (var (method, i) in (service.StreamingMethods ?? []).Select((m, i) => (m, i)))
                {
                    routes.Add(Route(
                        $"{key}-stream-{i}",
                        $"{key}-grpc",
                        $"/{service.GrpcPackage}.{method}",
                        AuthenticatedPolicy,
                        timeoutPolicy: null));
                }
            }
        }

        // The portal signs people in itself (its own cookie) and calls the API as them through this gateway, so its
        // route is anonymous here; browsers load a page and its assets at once, hence a per-address bucket of its own.
        if (configuration["Services:Portal:Http"] is { Length: > 0 } portal)
        {
            clusters.Add(Cluster(
                PortalCluster,
                portal,
                grpc: false,
                Max(GatewayTimeouts.YarpActivityTimeout, timeouts.Portal)));
            routes.Add(Route(
                "portal",
                PortalCluster,
                "/{**path}",
                AnonymousPolicy,
                GatewayTimeouts.PortalPolicy,
                RateLimiting.PortalPolicy,
                PortalRouteOrder));
            routes.Add(Route(
                "portal-events",
                PortalCluster,
                PortalEventsPath,
                AnonymousPolicy,
                timeoutPolicy: null,
                RateLimiting.PortalPolicy,
                PortalRouteOrder - 1));
        }

        routes.AddRange(PublicRoutes.Build(configuration, PortalCluster));
        return (routes, clusters);
    }

    /// <summary>
    /// Answers 404 (as problem details, to a caller the fallback policy lets in) for a path under an API prefix that no
    /// service route serves, so that it never falls through to the portal's catch-all and answers with a web page.
    /// </summary>
    public static IEndpointRouteBuilder MapUnservedApiPaths(this IEndpointRouteBuilder endpoints)
    {
        foreach (var prefix in ApiPathPrefixes)
        {
            endpoints.Map(prefix + "/{**rest}", () => Results.Problem(
                    title: "Not found",
                    detail: "No API serves this path.",
                    statusCode: StatusCodes.Status404NotFound))
                .WithOrder(UnservedApiPathOrder)
                .WithDisplayName("unserved " + prefix);
        }

        return endpoints.MapUnservedPublicPaths();
    }

    private static RouteConfig Route(
        string id,
        string cluster,
        string path,
        string policy,
        string? timeoutPolicy,
        string? rateLimiterPolicy = null,
        int? order = null) => new()
    {
        RouteId = id,
        ClusterId = cluster,
        Order = order,
        Match = new RouteMatch { Path = path },
        AuthorizationPolicy = policy,
        RateLimiterPolicy = rateLimiterPolicy
            ?? (policy == AnonymousPolicy ? RateLimiting.AnonymousPolicy : RateLimiting.TenantPolicy),
        TimeoutPolicy = timeoutPolicy,
        Transforms = [
            .. StrippedHeaders.Select(h => new Dictionary<string, string> { ["RequestHeaderRemove"] = h }),
            ForwardedHeaders],
    };

    /// <summary>
    /// X-Forwarded-For, -Proto, -Host and -Prefix describe the request as the gateway received it, replacing
    /// whatever the client sent (YARP's default, written out so that it stays so): the portal builds its redirects
    /// from them and must never take a host from the browser. Behind an ingress the gateway's own view is the
    /// ingress's, when trusted (Gateway:TrustedProxies).
    /// </summary>
    private static readonly Dictionary<string, string> ForwardedHeaders = new() { ["X-Forwarded"] = "Set" };

    private static ClusterConfig Cluster(string id, string address, bool grpc, TimeSpan activityTimeout) => new()
    {
        ClusterId = id,
        Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = address } },
        HttpRequest = grpc
            ? new ForwarderRequestConfig
            {
                Version = new Version(2, 0),
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                ActivityTimeout = activityTimeout,
            }
            : new ForwarderRequestConfig
            {
                Version = new Version(1, 1),
                VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
                ActivityTimeout = activityTimeout,
            },
    };

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
