using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.MultiTenancy;

/// <summary>
/// Puts the tenant on every connection the moment it opens, so PostgreSQL's policies see it. Pooled connections
/// keep session settings, which is why this runs on every open and always sets every value.
/// </summary>
public sealed class TenantConnectionInterceptor(ITenantContext tenant) : DbConnectionInterceptor
{
    private const string Sql =
        "SELECT set_config('app.tenant_id', @tenant, false), set_config('app.read_prefix', @prefix, false), " +
        "set_config('app.read_only', @readonly, false), set_config('app.system', @system, false)";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = CreateCommand(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand CreateCommand(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = Sql;
        Add(command, "tenant", tenant.TenantId ?? string.Empty);
        Add(command, "prefix", tenant.ReadPrefix ?? string.Empty);
        Add(command, "readonly", tenant.IsReadOnly ? "on" : "off");
        Add(command, "system", tenant.IsSystem ? "on" : "off");
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
