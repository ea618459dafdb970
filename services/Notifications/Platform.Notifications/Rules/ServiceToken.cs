using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Platform.MultiTenancy;

namespace Platform.Notifications.Rules;

/// <summary>
/// The notification service's own access token (client credentials from the units service's token endpoint, client
/// ServiceClient:Id with ServiceClient:Secret, scope reports.confirm), kept until a minute before it expires.
/// </summary>
public sealed class ServiceToken(IHttpClientFactory http, IConfiguration configuration)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private (string Token, DateTimeOffset Until)? current;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        // Token lifetimes are real time, whatever a demo stack's clock says.
        var now = TimeProvider.System.GetUtcNow();
        if (current is { } held && held.Until > now)
        {
            return held.Token;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (current is { } again && again.Until > now)
            {
                return again.Token;
            }

            var authority = configuration["Identity:Authority"]
                ?? throw new ServiceTokenException("Identity:Authority is not configured.");
            var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = configuration["ServiceClient:Id"] ?? "duban-notifications",
                ["client_secret"] = configuration["ServiceClient:Secret"]
                    ?? throw new ServiceTokenException("ServiceClient:Secret is not configured."),
                ["scope"] = PlatformScopes.ReportsConfirm,
            });
            using var response = await http.CreateClient(nameof(ServiceToken)).PostAsync(
                new Uri(new Uri(authority), "/connect/token"),
                form,
                cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new ServiceTokenException($"the token endpoint answered {(int)response.StatusCode}: " +
                    $"{await response.Content.ReadAsStringAsync(cancellationToken)}");
            }

            var token = await response.Content.ReadFromJsonAsync<TokenAnswer>(cancellationToken)
                ?? throw new ServiceTokenException("empty token response");
            current = (token.AccessToken, now.AddSeconds(Math.Max(30, token.ExpiresIn - 60)));
            return token.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
