using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.MultiTenancy;

#nullable disable

namespace Platform.Notifications.Data.Migrations
{
    /// <summary>The newest name of each directory unit the service was told of, by the directory's version, so late unit events bring back no old name.</summary>
    public partial class UnitNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "unit_names",
                columns: table => new
                {
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unit_names", x => x.UnitId);
                });

            migrationBuilder.EnableTenantRowLevelSecurity("unit_names");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableRowLevelSecurity("unit_names");
            migrationBuilder.DropTable(
                name: "unit_names");
        }
    }
}
