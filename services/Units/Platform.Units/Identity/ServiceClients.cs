using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.MultiTenancy;
using Platform.Units.Data;
using Platform.Units.Domain;

namespace Platform.Units.Identity;

/// <summary>
/// The platform's own services that call another service with no person behind the call (the notification service's
/// ladder asking reporting what is still owed): each is a client of the platform tenant whose secret comes from
/// configuration (<c>Identity:ServiceClients:{clientId}</c>), granted only what <see cref="Grants"/> gives it. The
/// client is created at start and its secret follows the configuration, so a rotated secret takes effect on restart.
/// </summary>
public static partial class ServiceClients
{
    public static readonly IReadOnlyDictionary<string, string[]> Grants =
        new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["duban-notifications"] = [PlatformScopes.ReportsConfirm],
    };

    public static async Task EnsureServiceClientsAsync(
        this WebApplication app, CancellationToken cancellationToken = default)
    {
        var configured = app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.ServiceClients;
        await using var scope = app.Services.CreateAsyncScope();
        using var platform = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("service clients");
        var db = scope.ServiceProvider.GetRequiredService<UnitsDbContext>();
        var options = app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        foreach (var (clientId, secret) in configured)
        {
            if (!Grants.TryGetValue(clientId, out var scopes))
            {
                throw new InvalidOperationException($"Identity:ServiceClients:{clientId} is not one of the " +
                    $"platform's services ({string.Join(", ", Grants.Keys)}).");
            }

            if (secret.Length < options.MinClientSecretLength)
            {
                throw new InvalidOperationException($"Identity:ServiceClients:{clientId} needs a secret of at least " +
                    $"{options.MinClientSecretLength} characters.");
            }

            var client = await db.Clients.SingleOrDefaultAsync(c => c.ClientId == clientId, cancellationToken);
            if (client is null)
            {
                db.Clients.Add(new IntegrationClient
                {
                    ClientId = clientId, DisplayName = $"平台服务 {clientId}", TenantId = DivisionCode.Host,
                    Scopes = [.. scopes],
                    SecretHash = Secrets.Hash(secret),
                    CreatedAt = app.Services.GetRequiredService<TimeProvider>().GetUtcNow(),
                });
                LogCreated(app.Logger, clientId);
            }
            else
            {
                if (client.TenantId != DivisionCode.Host)
                {
                    throw new InvalidOperationException($"The client id {clientId} belongs to tenant " +
                        $"{client.TenantId}; a platform service cannot take it over.");
                }

                client.Scopes = [.. scopes];
                client.IsDisabled = false;
                if (!Secrets.Verify(client.SecretHash, secret))
                {
                    client.SecretHash = Secrets.Hash(secret);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the platform service client '{ClientId}'")]
    private static partial void LogCreated(ILogger logger, string clientId);
}
