using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Platform.MultiTenancy;

/// <summary>
/// The secret a service signs its tenant context with (configuration <c>Database:ContextKey</c>, environment
/// <c>Database__ContextKey</c>). The database holds a copy, written by the owner role at start-up and unreadable by
/// the application's role, and its row-level security honours a context only when the signature on the connection
/// verifies. So the database credential alone (a leaked connection string, an SQL injection) cannot name a tenant,
/// a municipal read prefix or the platform's system context: <c>set_config</c> without the key gets nothing. The
/// key must therefore never be derived from, or stored with, the database credentials.
/// </summary>
public sealed class TenantContextKey
{
    public const string ConfigurationKey = "Database:ContextKey";

    /// <summary>
    /// Characters; a key shorter than this is refused rather than used (openssl rand -hex 32 gives 64).
    /// </summary>
    public const int MinimumLength = 32;

    /// <summary>
    /// First field of every signed message, so a signature cannot be reused for anything else or a later format.
    /// </summary>
    public const string Version = "duban.tenant-context.v1";

    private readonly byte[] key;

    public TenantContextKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Trim().Length < MinimumLength)
        {
            throw new ArgumentException(
                $"The tenant context key must be at least {MinimumLength} characters.", nameof(key));
        }

        this.key = Encoding.UTF8.GetBytes(key);
    }

    /// <summary>
    /// The key from configuration; start-up fails here, with what to set, when it is missing or too short.
    /// </summary>
    public static TenantContextKey FromConfiguration(IConfiguration configuration)
    {
        var configured = configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(configured) || configured.Trim().Length < MinimumLength)
        {
            throw new InvalidOperationException(
                $"{ConfigurationKey} is not configured (or shorter than {MinimumLength} characters). Every service " +
                "needs a secret context key (environment Database__ContextKey, e.g. from `openssl rand -hex 32`), " +
                "kept apart from the database credentials: row-level security honours only tenant contexts signed " +
                "with it.");
        }

        return new TenantContextKey(configured);
    }

    /// <summary>
    /// The message that is signed: each field as its UTF-8 length, a colon, the value and a semicolon, in a fixed
    /// order. The length makes it unambiguous whatever the values contain (tenant "1|2" with prefix "" is not tenant
    /// "1" with prefix "2|"). PostgreSQL's <c>app_context_ok()</c> builds the same string from the session's settings.
    /// </summary>
    public static string Canonical(int backendPid, string tenantId, string readPrefix, string readOnly, string system)
    {
        var message = new StringBuilder();
        var fields = new[]
        {
            Version, backendPid.ToString(CultureInfo.InvariantCulture), tenantId, readPrefix, readOnly, system,
        };
        foreach (var field in fields)
        {
            message.Append(Encoding.UTF8.GetByteCount(field).ToString(CultureInfo.InvariantCulture))
                .Append(':')
                .Append(field)
                .Append(';');
        }

        return message.ToString();
    }

    /// <summary>
    /// HMAC-SHA256 of <see cref="Canonical"/>, lower-case hex. The backend's process id is part of it, so a signature
    /// that leaks (a log line, a debugger) is worth nothing on any other connection.
    /// </summary>
    public string Sign(int backendPid, string tenantId, string readPrefix, string readOnly, string system) =>
        Convert.ToHexStringLower(
            HMACSHA256.HashData(
                key, Encoding.UTF8.GetBytes(Canonical(backendPid, tenantId, readPrefix, readOnly, system))));

    /// <summary>
    /// Writes the key into the database's private copy (<see cref="RowLevelSecurity.KeyTable"/>); run as the owner
    /// role, after migrations. Replicas of one service share the key, so each start writes the same value.
    /// </summary>
    public async Task StoreAsync(DbConnection ownerConnection, CancellationToken cancellationToken = default)
    {
        var opened = ownerConnection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await ownerConnection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var command = ownerConnection.CreateCommand();
            command.CommandText =
                $"INSERT INTO {RowLevelSecurity.KeyTable} (id, key, stored_at) VALUES (true, @key, now()) " +
                "ON CONFLICT (id) DO UPDATE SET key = excluded.key, stored_at = excluded.stored_at WHERE " +
                $"{RowLevelSecurity.KeyTable}.key IS DISTINCT FROM excluded.key";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "key";
            parameter.Value = key;
            command.Parameters.Add(parameter);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            if (opened)
            {
                await ownerConnection.CloseAsync();
            }
        }
    }
}
