using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Platform.MultiTenancy;
using Platform.Notifications.Domain;
using ReportingV1 = Platform.Contracts.Reporting.V1;

namespace Platform.Notifications.Rules;

/// <summary>
/// Before the ladder chases reports it asks the authority which are still owed: a report handed in whose event has not
/// arrived yet (a backlog, an outage) must never be chased. <c>null</c> means the answer could not be had; the ladder then
/// sends nothing for that district and tries again on its next pass — a late 催办 is better than a false one.
/// </summary>
public interface IOwedConfirmation
{
    Task<IReadOnlySet<long>?> StillOwedAsync(string tenant, IReadOnlyList<OwedReport> items, CancellationToken cancellationToken);
}

/// <summary>Reporting's answer over gRPC (SupervisionChecks/ConfirmOwed), as the platform's notification service client.</summary>
public sealed partial class ReportingConfirmation(ReportingV1.SupervisionChecks.SupervisionChecksClient reporting, ILogger<ReportingConfirmation> logger) : IOwedConfirmation
{
    public async Task<IReadOnlySet<long>?> StillOwedAsync(string tenant, IReadOnlyList<OwedReport> items, CancellationToken cancellationToken)
    {
        try
        {
            var owed = new HashSet<(string, string, string)>();
            foreach (var chunk in items.Chunk(2000))
            {
                var request = new ReportingV1.ConfirmOwedRequest { TenantId = tenant };
                request.Items.AddRange(chunk.Select(Item));
                var response = await reporting.ConfirmOwedAsync(request, deadline: DateTime.UtcNow.AddSeconds(15), cancellationToken: cancellationToken);
                owed.UnionWith(response.StillOwed.Select(i => (i.TaskId, i.Period, i.LeadUnitId)));
            }

            var still = items.Where(o => owed.Contains((o.TaskId.ToString(), o.Period, o.LeadUnitId.ToString()))).Select(o => o.Id).ToHashSet();
            if (still.Count < items.Count)
            {
                LogHandedIn(items.Count - still.Count, tenant);
            }

            return still;
        }
        catch (Exception ex) when (ex is global::Grpc.Core.RpcException or HttpRequestException or ServiceTokenException)
        {
            LogUnconfirmed(tenant, ex.GetBaseException().Message);
            return null;
        }
    }

    private static ReportingV1.OwedItem Item(OwedReport o) => new() { TaskId = o.TaskId.ToString(), Period = o.Period, LeadUnitId = o.LeadUnitId.ToString() };

    [LoggerMessage(Level = LogLevel.Information, Message = "Reporting holds {Count} reports of {Tenant} as handed in that this service still had as owed; they are not chased")]
    private partial void LogHandedIn(int count, string tenant);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporting could not confirm what {Tenant} still owes ({Reason}); no reminder, 催办 or 督办单 for it this pass")]
    private partial void LogUnconfirmed(string tenant, string reason);
}

/// <summary>Without a reporting address (a test host, a one-service setup) the ladder trusts its own versioned copy.</summary>
public sealed class OwnStateConfirmation : IOwedConfirmation
{
    public Task<IReadOnlySet<long>?> StillOwedAsync(string tenant, IReadOnlyList<OwedReport> items, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<long>?>(items.Select(o => o.Id).ToHashSet());
}

public sealed class ServiceTokenException(string message) : Exception(message);

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

            var authority = configuration["Identity:Authority"] ?? throw new ServiceTokenException("Identity:Authority is not configured.");
            var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = configuration["ServiceClient:Id"] ?? "duban-notifications",
                ["client_secret"] = configuration["ServiceClient:Secret"] ?? throw new ServiceTokenException("ServiceClient:Secret is not configured."),
                ["scope"] = PlatformScopes.ReportsConfirm,
            });
            using var response = await http.CreateClient(nameof(ServiceToken)).PostAsync(new Uri(new Uri(authority), "/connect/token"), form, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new ServiceTokenException($"the token endpoint answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }

            var token = await response.Content.ReadFromJsonAsync<TokenAnswer>(cancellationToken) ?? throw new ServiceTokenException("empty token response");
            current = (token.AccessToken, now.AddSeconds(Math.Max(30, token.ExpiresIn - 60)));
            return token.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    private sealed record TokenAnswer([property: JsonPropertyName("access_token")] string AccessToken, [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
