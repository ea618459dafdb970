using Microsoft.EntityFrameworkCore.Migrations;
using Platform.MultiTenancy;

#nullable disable

namespace Platform.Tasks.Data.Migrations
{
    /// <summary>
    /// The tenant tables' policies, one per command, each checking the signed context once per statement: a SELECT no
    /// longer evaluates the write rule too (six signature checks per statement become one).
    /// </summary>
    public partial class PerCommandTenantPolicies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RequireSignedTenantContext();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The per-command policies are as strict as the single one they replace; the way back keeps them.
        }
    }
}
