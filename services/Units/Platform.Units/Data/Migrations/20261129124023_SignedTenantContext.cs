using Microsoft.EntityFrameworkCore.Migrations;
using Platform.MultiTenancy;

#nullable disable

namespace Platform.Units.Data.Migrations
{
    /// <summary>
    /// Row-level security honours only a tenant context signed with the service's key: every tenant table gets the
    /// signed policy, the outbox and inbox get it for the first time, and the tenant directory becomes readable by
    /// signed contexts and writable by the system context only.
    /// </summary>
    public partial class SignedTenantContext : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RequireSignedTenantContext();
            migrationBuilder.EnableDirectoryRowLevelSecurity("tenants");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "outbox_messages", "inbox_messages", "tenants" })
            {
                migrationBuilder.DisableRowLevelSecurity(table);
            }
        }
    }
}
