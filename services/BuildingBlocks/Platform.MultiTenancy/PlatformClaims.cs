namespace Platform.MultiTenancy;

/// <summary>Claim types in the platform's access tokens.</summary>
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Tenant = "tenant";
    public const string Unit = "unit";
    public const string Role = "role";
    public const string Scope = "scope";
    public const string ClientId = "client_id";

    /// <summary>The sign-in session a person's token belongs to: one per sign-in with a password, kept by its refreshes.</summary>
    public const string Session = "sid";
}

/// <summary>The people's roles of DESIGN §3.</summary>
public static class PlatformRoles
{
    public const string PlatformAdmin = "platform-admin";
    public const string MunicipalViewer = "municipal-viewer";
    public const string DistrictAdmin = "district-admin";
    public const string DistrictLeader = "district-leader";
    public const string UnitReporter = "unit-reporter";
    public const string UnitContributor = "unit-contributor";

    /// <summary>A unit's leader (单位负责人): reads, and receives the 督办单 when the unit's reports stay late.</summary>
    public const string UnitLeader = "unit-leader";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        PlatformAdmin, MunicipalViewer, DistrictAdmin, DistrictLeader, UnitReporter, UnitContributor, UnitLeader,
    };

    /// <summary>Roles that belong to a district tenant (everything but the platform's and the municipality's).</summary>
    public static readonly IReadOnlySet<string> District = new HashSet<string>(StringComparer.Ordinal)
    {
        DistrictAdmin, DistrictLeader, UnitReporter, UnitContributor, UnitLeader,
    };
}

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

    /// <summary>What an integration client of a district may be granted: never tenant or client administration.</summary>
    public static readonly IReadOnlySet<string> Grantable = new HashSet<string>(StringComparer.Ordinal)
    {
        UnitsRead, UnitsWrite, TenantsRead, TasksRead, TasksWrite, ReportsRead, ReportsWrite,
    };
}

public static class RoleScopes
{
    private static readonly Dictionary<string, string[]> Map = new(StringComparer.Ordinal)
    {
        [PlatformRoles.PlatformAdmin] =
        [
            PlatformScopes.TenantsRead, PlatformScopes.TenantsWrite, PlatformScopes.AccountsRead,
            PlatformScopes.AccountsWrite, PlatformScopes.ClientsWrite,
        ],
        [PlatformRoles.MunicipalViewer] =
        [
            PlatformScopes.TenantsRead, PlatformScopes.UnitsRead, PlatformScopes.TasksRead, PlatformScopes.ReportsRead,
        ],
        [PlatformRoles.DistrictAdmin] =
        [
            PlatformScopes.TenantsRead, PlatformScopes.UnitsRead, PlatformScopes.UnitsWrite, PlatformScopes.AccountsRead,
            PlatformScopes.AccountsWrite, PlatformScopes.TasksRead, PlatformScopes.TasksWrite,
            PlatformScopes.ReportsRead, PlatformScopes.ReportsWrite,
        ],
        [PlatformRoles.DistrictLeader] =
        [
            PlatformScopes.TenantsRead, PlatformScopes.UnitsRead, PlatformScopes.TasksRead, PlatformScopes.ReportsRead,
        ],
        [PlatformRoles.UnitReporter] =
        [
            PlatformScopes.TenantsRead, PlatformScopes.UnitsRead, PlatformScopes.TasksRead, PlatformScopes.ReportsRead,
            PlatformScopes.ReportsWrite,
        ],
        [PlatformRoles.UnitLeader] =
        [
            PlatformScopes.TenantsRead, PlatformScopes.UnitsRead, PlatformScopes.TasksRead, PlatformScopes.ReportsRead,
        ],
        [PlatformRoles.UnitContributor] =
        [
            PlatformScopes.TenantsRead, PlatformScopes.UnitsRead, PlatformScopes.TasksRead, PlatformScopes.ReportsRead,
            PlatformScopes.ReportsWrite,
        ],
    };

    public static IReadOnlyList<string> For(IEnumerable<string> roles) =>
        roles.SelectMany(r => Map.TryGetValue(r, out var s) ? s : []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
}
