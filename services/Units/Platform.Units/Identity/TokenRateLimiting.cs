using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Platform.Units.Identity;

/// <summary>
/// The token endpoint's own limit on this service's port: a fixed window per client address
/// (<see cref="TokenRateLimitOptions"/>). The gateway limits the callers it sees, but this port can be reached around
/// it (locally, or from inside the cluster). Behind the gateway the client address is the browser's only where
/// <c>Units:TrustedProxies</c> names the gateway's network; otherwise every call through one gateway shares its bucket,
/// so the limit must allow the gateway's whole token traffic.
/// </summary>
public static class TokenRateLimiting
{
    public const string Policy = "token-per-address";

    public static IServiceCollection AddTokenRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Policy, context =>
            {
                var limits =
                    context.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.TokenRateLimit;
                return RateLimitPartition.GetFixedWindowLimiter(
                    "address:" + context.Connection.RemoteIpAddress,
                    _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PermitLimit,
                    Window = limits.Window,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.OnRejected = async (context, cancellationToken) =>
            {
                var response = context.HttpContext.Response;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
                    : 1;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                // In the token endpoint's own error shape (RFC 6749 has no code for it; clients read the status).
                await response.WriteAsJsonAsync(
                    new
                    {
                        error = "too_many_requests",
                        error_description = $"Too many token requests from this address; retry after {retryAfter} s.",
                    },
                    cancellationToken);
            };
        });
        return services;
    }
}
