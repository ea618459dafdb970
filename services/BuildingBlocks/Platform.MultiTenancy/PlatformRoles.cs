namespace Platform.MultiTenancy;

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

    /// <summary>
    /// Roles that belong to a district tenant (everything but the platform's and the municipality's).
    /// </summary>
    public static readonly IReadOnlySet<string> District = new HashSet<string>(StringComparer.Ordinal)
    {
        DistrictAdmin, DistrictLeader, UnitReporter, UnitContributor, UnitLeader,
    };
}
