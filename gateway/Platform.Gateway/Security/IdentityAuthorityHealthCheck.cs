using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Gateway.Security;

/// <summary>
/// The gateway cannot validate a token without the issuer's keys: readiness checks that the JWKS answers.
/// </summary>
public sealed class IdentityAuthorityHealthCheck(IHttpClientFactory clients, IConfiguration configuration)
    : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        var authority = configuration["Identity:Authority"];
        if (string.IsNullOrWhiteSpace(authority))
        {
            return HealthCheckResult.Healthy("Tokens are validated with a local key.");
        }

        try
        {
            using var response = await clients.CreateClient(nameof(IdentityAuthorityHealthCheck))
                .GetAsync(authority.TrimEnd('/') + "/.well-known/jwks.json", cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"The identity authority's JWKS answered {(int)response.StatusCode}.");
        }
        catch (HttpRequestException ex)
        {
            return HealthCheckResult.Unhealthy("The identity authority is unreachable: " + ex.Message);
        }
    }
}
