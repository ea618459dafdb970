using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.MultiTenancy;

#nullable disable

namespace Platform.Notifications.Data.Migrations
{
    /// <summary>The unit merges the service was told of, so a list naming a merged unit that arrives later names the unit that took it over.</summary>
    public partial class UnitMerges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "unit_merges",
                columns: table => new
                {
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    IntoId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntoName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MergedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unit_merges", x => x.UnitId);
                });

            migrationBuilder.EnableTenantRowLevelSecurity("unit_merges");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableRowLevelSecurity("unit_merges");
            migrationBuilder.DropTable(
                name: "unit_merges");
        }
    }
}
