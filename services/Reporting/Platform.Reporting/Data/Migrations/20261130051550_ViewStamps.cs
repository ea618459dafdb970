using Microsoft.EntityFrameworkCore.Migrations;
using Platform.MultiTenancy;

#nullable disable

namespace Platform.Reporting.Data.Migrations
{
    /// <summary>How many times the roll-up pass recounted each division's month, so a host keeps a comparison view until the count moves.</summary>
    public partial class ViewStamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "view_stamps",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_view_stamps", x => new { x.tenant_id, x.Period });
                });

            migrationBuilder.EnableTenantRowLevelSecurity("view_stamps");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableRowLevelSecurity("view_stamps");
            migrationBuilder.DropTable(
                name: "view_stamps");
        }
    }
}
