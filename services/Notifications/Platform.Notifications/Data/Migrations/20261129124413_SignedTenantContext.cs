using Microsoft.EntityFrameworkCore.Migrations;
using Platform.MultiTenancy;

#nullable disable

namespace Platform.Notifications.Data.Migrations
{
    /// <summary>
    /// Row-level security honours only a tenant context signed with the service's key: every tenant table gets the
    /// signed policy, and the outbox and inbox get it for the first time.
    /// </summary>
    public partial class SignedTenantContext : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RequireSignedTenantContext();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "outbox_messages", "inbox_messages" })
            {
                migrationBuilder.DisableRowLevelSecurity(table);
            }
        }
    }
}
