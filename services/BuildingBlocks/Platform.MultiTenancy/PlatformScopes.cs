namespace Platform.MultiTenancy;

/// <summary>
/// Scopes are the permissions every service checks. People get them from their roles (<see cref="RoleScopes"/>);
/// integration clients are granted them directly.
/// </summary>
public static class PlatformScopes
{
    public const string UnitsRead = "units.read";
    public const string UnitsWrite = "units.write";
    public const string TenantsRead = "tenants.read";
    public const string TenantsWrite = "tenants.write";
    public const string AccountsRead = "accounts.read";
    public const string AccountsWrite = "accounts.write";
    public const string ClientsWrite = "clients.write";
    public const string TasksRead = "tasks.read";
    public const string TasksWrite = "tasks.write";
    public const string ReportsRead = "reports.read";
    public const string ReportsWrite = "reports.write";

    /// <summary>
    /// Asking reporting whether reports are still owed, in any district: held only by the platform's own service
    /// clients (the notification service's ladder), never by a role or a district's integration client.
    /// </summary>
    public const string ReportsConfirm = "reports.confirm";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        UnitsRead, UnitsWrite, TenantsRead, TenantsWrite, AccountsRead, AccountsWrite, ClientsWrite,
        TasksRead, TasksWrite, ReportsRead, ReportsWrite, ReportsConfirm,
    };

    /// <summary>
    /// What an integration client of a district may be granted: never tenant or client administration.
    /// </summary>
    public static readonly IReadOnlySet<string> Grantable = new HashSet<string>(StringComparer.Ordinal)
    {
        UnitsRead, UnitsWrite, TenantsRead, TasksRead, TasksWrite, ReportsRead, ReportsWrite,
    };
}
