using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.MultiTenancy;

/// <summary>
/// Row-level security for tenant tables, used from migrations. The application's role does not own the tables and
/// the policy is forced, so even the owner obeys it. Reads see the caller's tenant and, for a municipal viewer, its
/// child districts; writes only the caller's own tenant, and never for a read-only caller.
/// </summary>
public static class RowLevelSecurity
{
    private const string System = "coalesce(current_setting('app.system', true), '') = 'on'";
    private const string Own = "tenant_id = current_setting('app.tenant_id', true)";
    private const string Children =
        "(coalesce(current_setting('app.read_prefix', true), '') <> '' AND tenant_id LIKE current_setting('app.read_prefix', true) || '%')";
    private const string Writable = "coalesce(current_setting('app.read_only', true), '') <> 'on'";

    public static void EnableTenantRowLevelSecurity(this MigrationBuilder migrationBuilder, string table)
    {
        migrationBuilder.Sql($"""
            ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY;
            ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY;
            CREATE POLICY tenant_read ON "{table}" FOR SELECT USING ({System} OR {Own} OR {Children});
            CREATE POLICY tenant_write ON "{table}" FOR ALL
                USING ({System} OR ({Own} AND {Writable}))
                WITH CHECK ({System} OR ({Own} AND {Writable}));
            """);
    }
}
