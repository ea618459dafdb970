using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Platform.MultiTenancy;

namespace Platform.Gateway.Routing;

/// <summary>
/// Per-tenant token buckets for authenticated calls (one busy district cannot starve the others), per-address
/// buckets for anonymous ones (the token endpoint), and larger per-address buckets for the portal's pages, where a
/// browser asks for a page and its assets at once and the people of one office often share an address. The public
/// progress pages (<see cref="PublicRoutes"/>) have a per-address bucket of their own (<c>RateLimiting:Public</c>).
/// Rejections are 429 with Retry-After, or ResourceExhausted for gRPC, naming the bucket that ran empty.
/// </summary>
/// <remarks>
/// The address is the socket's, or the one a trusted proxy forwarded: the ingress (<c>Gateway:TrustedProxies</c>) or
/// the portal (<c>Gateway:PortalAddresses</c>), which signs people in on the gateway's token endpoint and names each
/// browser in X-Forwarded-For, so that every browser has its own bucket. Anyone else's X-Forwarded-For is ignored.
/// </remarks>
public static class RateLimiting
{
    public const string TenantPolicy = "per-tenant";
    public const string AnonymousPolicy = "per-address";
    public const string PortalPolicy = "per-address-portal";
    public const string PublicPolicy = "per-address-public";

    public static IServiceCollection AddGatewayRateLimiting(
        this IServiceCollection services,
        IConfiguration configuration)
    {
        var tenant = configuration.GetSection("RateLimiting:Tenant").Get<BucketOptions>()
            ?? new BucketOptions(200, 100);
        var anonymous = configuration.GetSection("RateLimiting:Anonymous").Get<BucketOptions>()
            ?? new BucketOptions(20, 10);
        var portal = configuration.GetSection("RateLimiting:Portal").Get<BucketOptions>()
            ?? new BucketOptions(600, 200);
        // The public progress pages: anyone may read them, nobody may hammer them.
        var publicPages = configuration.GetSection("RateLimiting:Public").Get<BucketOptions>()
            ?? new BucketOptions(60, 10);
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(TenantPolicy, context =>
            {
                var key = context.User.FindFirst(PlatformClaims.Tenant)?.Value is { } t
                    ? "tenant:" + t
                    : "address:" + context.Connection.RemoteIpAddress;
                return RateLimitPartition.GetTokenBucketLimiter(key, _ => tenant.ToLimiterOptions());
            });
            o.AddPolicy(AnonymousPolicy, context =>
                RateLimitPartition.GetTokenBucketLimiter(
                    "address:" + context.Connection.RemoteIpAddress,
                    _ => anonymous.ToLimiterOptions()));
            o.AddPolicy(PortalPolicy, context =>
                RateLimitPartition.GetTokenBucketLimiter(
                    "address:" + context.Connection.RemoteIpAddress,
                    _ => portal.ToLimiterOptions()));
            o.AddPolicy(PublicPolicy, context =>
                RateLimitPartition.GetTokenBucketLimiter(
                    "public:" + context.Connection.RemoteIpAddress,
                    _ => publicPages.ToLimiterOptions()));
            o.OnRejected = RejectAsync;
        });
        return services;
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
            : 1;
        response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        var detail = $"{Exceeded(context.HttpContext)}; retry after {retryAfter} s.";
        if (GrpcAnswer.IsGrpc(context.HttpContext.Request))
        {
            GrpcAnswer.WriteTrailersOnly(response, GrpcAnswer.ResourceExhausted, detail);
            return;
        }

        response.StatusCode = StatusCodes.Status429TooManyRequests;
        await Results.Problem(
                title: "Too many requests",
                detail: detail,
                statusCode: StatusCodes.Status429TooManyRequests)
            .ExecuteAsync(context.HttpContext);
    }

    /// <summary>
    /// Whose bucket ran empty, as the partition was chosen: the tenant's only for a caller with a tenant.
    /// </summary>
    public static string Exceeded(HttpContext context)
    {
        var policy = context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
        return policy == TenantPolicy && context.User.FindFirst(PlatformClaims.Tenant) is not null
            ? "The rate limit for this tenant was exceeded"
            : "Too many requests from this address";
    }

    public sealed record BucketOptions(int TokenLimit, int TokensPerSecond)
    {
        public TokenBucketRateLimiterOptions ToLimiterOptions() => new()
        {
            TokenLimit = TokenLimit,
            TokensPerPeriod = TokensPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }
}
