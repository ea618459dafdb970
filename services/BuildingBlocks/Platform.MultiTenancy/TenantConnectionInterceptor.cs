using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Platform.MultiTenancy;

/// <summary>
/// Puts the tenant on every connection the moment it opens, so PostgreSQL's policies see it. Pooled connections
/// keep session settings, which is why this runs on every open and always sets every value. The values travel with
/// their signature (<see cref="TenantContextKey"/>): the policies ignore, or refuse, settings the application's role
/// could have written by itself.
/// </summary>
public sealed class TenantConnectionInterceptor(ITenantContext tenant, TenantContextKey key) : DbConnectionInterceptor
{
    private const string Sql =
        "SELECT set_config('app.tenant_id', @tenant, false), set_config('app.read_prefix', @prefix, false), " +
        "set_config('app.read_only', @readonly, false), set_config('app.system', @system, false), " +
        "set_config('app.context_sig', @sig, false)";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = CreateCommand(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        await ApplyAsync(connection, cancellationToken);

    /// <summary>Sets the signed context on an open connection; also for code (and tests) that open one themselves.</summary>
    public async Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand CreateCommand(DbConnection connection)
    {
        // The signature names the server process behind this connection; Npgsql knows it from the start-up handshake.
        var pid = connection is NpgsqlConnection npgsql
            ? npgsql.ProcessID
            : throw new NotSupportedException($"The tenant context is signed for PostgreSQL connections only, not {connection.GetType().Name}.");
        var tenantId = tenant.TenantId ?? string.Empty;
        var prefix = tenant.ReadPrefix ?? string.Empty;
        var readOnly = tenant.IsReadOnly ? "on" : "off";
        var system = tenant.IsSystem ? "on" : "off";

        var command = connection.CreateCommand();
        command.CommandText = Sql;
        Add(command, "tenant", tenantId);
        Add(command, "prefix", prefix);
        Add(command, "readonly", readOnly);
        Add(command, "system", system);
        Add(command, "sig", key.Sign(pid, tenantId, prefix, readOnly, system));
        return command;
    }

    private static void Add(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
