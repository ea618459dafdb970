using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Platform.MultiTenancy;

/// <summary>
/// Puts the tenant on every connection the moment it opens, so PostgreSQL's policies see it. Pooled connections
/// keep session settings, which is why this runs on every open and always sets every value. The values travel with
/// their signature (<see cref="TenantContextKey"/>): the policies ignore, or refuse, settings the application's role
/// could have written by itself. When the context changes while a connection is open (a
/// <see cref="TenantContext.AsSystem"/> scope starts or ends inside a transaction), that connection is set again at
/// once: it must not keep the system context past the scope, nor miss it inside.
/// </summary>
public sealed class TenantConnectionInterceptor : DbConnectionInterceptor
{
    private static readonly string Sql =
        $"SELECT set_config('{TenantSettings.TenantId}', @tenant, false), " +
        $"set_config('{TenantSettings.ReadPrefix}', @prefix, false), " +
        $"set_config('{TenantSettings.ReadOnly}', @readonly, false), " +
        $"set_config('{TenantSettings.System}', @system, false), " +
        $"set_config('{TenantSettings.ContextSignature}', @sig, false)";

    private readonly ITenantContext tenant;
    private readonly TenantContextKey key;
    private readonly HashSet<DbConnection> open = [];
    private readonly Lock gate = new();

    public TenantConnectionInterceptor(ITenantContext tenant, TenantContextKey key)
    {
        this.tenant = tenant;
        this.key = key;
        if (tenant is TenantContext changing)
        {
            changing.Changed += ApplyToOpenConnections;
        }
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = CreateCommand(connection);
        command.ExecuteNonQuery();
        Track(connection);
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        await ApplyAsync(connection, cancellationToken);

    public override void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) =>
        Forget(connection);

    public override Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Forget(connection);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Sets the signed context on an open connection; also for code (and tests) that open one themselves.
    /// </summary>
    public async Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        Track(connection);
    }

    private void Track(DbConnection connection)
    {
        lock (gate)
        {
            open.Add(connection);
        }
    }

    private void Forget(DbConnection connection)
    {
        lock (gate)
        {
            open.Remove(connection);
        }
    }

    /// <summary>
    /// Synchronous, because a scope ends in Dispose; a connection that has closed meanwhile (one opened by hand) is
    /// dropped here and set again at its next open. A connection that cannot take the new context (its transaction
    /// failed, which is often why a scope ends early) is closed instead: the pool's reset clears its settings, so it
    /// never goes on with the old context, and the exception that ended the scope is the one that surfaces.
    /// </summary>
    private void ApplyToOpenConnections()
    {
        lock (gate)
        {
            open.RemoveWhere(connection => connection.State != ConnectionState.Open);
            foreach (var connection in open.ToList())
            {
                try
                {
                    using var command = CreateCommand(connection);
                    command.ExecuteNonQuery();
                }
                catch (DbException)
                {
                    connection.Close();
                    open.Remove(connection);
                }
            }
        }
    }

    private DbCommand CreateCommand(DbConnection connection)
    {
        // The signature names the server process behind this connection; Npgsql knows it from the start-up handshake.
        var pid = connection is NpgsqlConnection npgsql
            ? npgsql.ProcessID
            : throw new NotSupportedException(
                $"The tenant context is signed for PostgreSQL connections only, not {connection.GetType().Name}.");
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
