using Microsoft.AspNetCore.RateLimiting;
using Yarp.ReverseProxy.Configuration;

namespace Platform.Gateway.Routing;

/// <summary>
/// The public progress pages (政务公开), reachable without signing in: reporting's data at
/// <c>/public/v1/{district code}</c> and the portal's pages under <c>/public/</c>. Both are anonymous (the data GET
/// only), under a per-address bucket of their own, and carry no credential onwards: Authorization and Cookie are
/// removed, so nobody's token or session ever acts through them. The data route matches six digits only and forwards
/// a path rebuilt from them, so no encoded slash or dot segment can steer it to another of reporting's paths; the
/// pages' routes likewise (a district's page and its feed); any other path under <c>/public</c> is 404 at the gateway.
/// </summary>
public static class PublicRoutes
{
    public const string DataPrefix = "/public/v1";

    public const string PagesPrefix = "/public";

    private const string Code = "{code:regex(^[0-9]{{6}}$)}";

    public const string DataPath = DataPrefix + "/" + Code;

    /// <summary>The portal's public pages: a district's page and its feed, nothing else.</summary>
    public static readonly IReadOnlyList<(string Path, string Forwarded)> PagePaths =
    [
        (PagesPrefix + "/" + Code, PagesPrefix + "/{code}"),
        (PagesPrefix + "/" + Code + "/feed.atom", PagesPrefix + "/{code}/feed.atom"),
    ];

    /// <summary>Headers that would carry a caller's identity: never sent on by a public route.</summary>
    public static readonly IReadOnlyList<string> CredentialHeaders = ["Authorization", "Cookie", "Proxy-Authorization"];

    /// <summary>The routes, for the services configured: reporting's data and the portal's pages.</summary>
    public static IEnumerable<RouteConfig> Build(IConfiguration configuration, string portalCluster)
    {
        if (configuration["Services:Reporting:Http"] is { Length: > 0 })
        {
            yield return Route(
                "reporting-public", "reporting-http", DataPath, order: null, DataPrefix + "/{code}", ["GET", "HEAD"]);
        }

        if (configuration["Services:Portal:Http"] is { Length: > 0 })
        {
            // Before the unserved /public/ paths (order 1) and so before the portal's catch-all.
            // Every method: a POST under /public/ is the public pages' to refuse, never the signed-in portal's. Each
            // path is rebuilt from the code, so dot segments or escapes never reach the portal to be resolved there.
            for (var i = 0; i < PagePaths.Count; i++)
            {
                yield return Route(
                    $"portal-public-{i}", portalCluster, PagePaths[i].Path, order: null, PagePaths[i].Forwarded, null);
            }
        }
    }

    /// <summary>
    /// Any other path under /public/ (a malformed code, a path trick): 404, never the portal's catch-all, which would
    /// carry the browser's cookie.
    /// </summary>
    public static IEndpointRouteBuilder MapUnservedPublicPaths(this IEndpointRouteBuilder endpoints)
    {
        foreach (var path in new[] { PagesPrefix, PagesPrefix + "/{**rest}" })
        {
            endpoints.Map(path, () => Results.Problem(
                    title: "Not found",
                    detail: "No public page is served at this path.",
                    statusCode: StatusCodes.Status404NotFound))
                .AllowAnonymous()
                .RequireRateLimiting(RateLimiting.PublicPolicy)
                .WithOrder(ServiceRoutes.UnservedApiPathOrder)
                .WithDisplayName("unserved " + path);
        }

        return endpoints;
    }

    private static RouteConfig Route(
        string id,
        string cluster,
        string path,
        int? order,
        string? pathPattern,
        IReadOnlyList<string>? methods)
    {
        var transforms = new List<IReadOnlyDictionary<string, string>>();
        transforms.AddRange(ServiceRoutes.StrippedHeaders.Concat(CredentialHeaders)
            .Select(h => new Dictionary<string, string> { ["RequestHeaderRemove"] = h }));
        transforms.Add(new Dictionary<string, string> { ["X-Forwarded"] = "Set" });
        if (pathPattern is not null)
        {
            transforms.Add(new Dictionary<string, string> { ["PathPattern"] = pathPattern });
        }

        return new RouteConfig
        {
            RouteId = id,
            ClusterId = cluster,
            Order = order,
            Match = new RouteMatch { Path = path, Methods = methods },
            AuthorizationPolicy = ServiceRoutes.AnonymousPolicy,
            RateLimiterPolicy = RateLimiting.PublicPolicy,
            TimeoutPolicy = GatewayTimeouts.DefaultPolicy,
            Transforms = transforms,
        };
    }
}
