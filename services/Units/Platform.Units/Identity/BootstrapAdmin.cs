using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.MultiTenancy;
using Platform.Units.Data;
using Platform.Units.Domain;

namespace Platform.Units.Identity;

/// <summary>
/// Creates the first platform administrator so that a fresh installation can be provisioned through the API.
/// </summary>
public static partial class BootstrapAdmin
{
    public const string Username = "platform.admin";

    public static async Task EnsureBootstrapAdminAsync(
        this WebApplication app, CancellationToken cancellationToken = default)
    {
        var password = app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.BootstrapAdminPassword;
        if (string.IsNullOrEmpty(password))
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        using var platform = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("the bootstrap admin");
        var db = scope.ServiceProvider.GetRequiredService<UnitsDbContext>();
        if (await db.Accounts.AnyAsync(a => a.Username == Username, cancellationToken))
        {
            return;
        }

        db.Accounts.Add(new Account
        {
            Id = Guid.CreateVersion7(),
            Username = Username,
            DisplayName = "平台管理员",
            TenantId = DivisionCode.Host,
            Roles = [PlatformRoles.PlatformAdmin],
            PasswordHash = Secrets.Hash(password),
            CreatedAt = app.Services.GetRequiredService<TimeProvider>().GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        LogCreated(app.Logger, Username);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the bootstrap account '{Username}'")]
    private static partial void LogCreated(ILogger logger, string username);
}
