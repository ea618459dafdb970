namespace Platform.MultiTenancy;

public static class RoleScopes
{
    /// <summary>What every role of a district or above reads.</summary>
    private static readonly string[] Reading =
    [
        PlatformScopes.TenantsRead, PlatformScopes.UnitsRead, PlatformScopes.TasksRead, PlatformScopes.ReportsRead,
    ];

    /// <summary>A unit's people: they read, and write their unit's reports.</summary>
    private static readonly string[] Reporting = [.. Reading, PlatformScopes.ReportsWrite];

    private static readonly Dictionary<string, string[]> Map = new(StringComparer.Ordinal)
    {
        [PlatformRoles.PlatformAdmin] =
        [
            PlatformScopes.TenantsRead, PlatformScopes.TenantsWrite, PlatformScopes.AccountsRead,
            PlatformScopes.AccountsWrite, PlatformScopes.ClientsWrite,
        ],
        [PlatformRoles.MunicipalViewer] = Reading,
        [PlatformRoles.DistrictAdmin] =
        [
            .. Reporting, PlatformScopes.UnitsWrite, PlatformScopes.AccountsRead, PlatformScopes.AccountsWrite,
            PlatformScopes.TasksWrite,
        ],
        [PlatformRoles.DistrictLeader] = Reading,
        [PlatformRoles.UnitReporter] = Reporting,
        [PlatformRoles.UnitLeader] = Reading,
        [PlatformRoles.UnitContributor] = Reporting,
    };

    public static IReadOnlyList<string> For(IEnumerable<string> roles) =>
        roles.SelectMany(r => Map.TryGetValue(r, out var s) ? s : [])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
}
