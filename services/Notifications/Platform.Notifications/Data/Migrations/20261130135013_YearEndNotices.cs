using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.MultiTenancy;

#nullable disable

namespace Platform.Notifications.Data.Migrations
{
    /// <summary>
    /// The newest completion report and assessment told to the service (late events announce nothing), and each
    /// 督办单 issued (announced once).
    /// </summary>
    public partial class YearEndNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assessment_states",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    RuleVersion = table.Column<int>(type: "integer", nullable: false),
                    Final = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_states", x => new { x.tenant_id, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "completion_states",
                columns: table => new
                {
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    LeadUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_completion_states", x => new { x.TaskId, x.Year, x.LeadUnitId });
                });

            migrationBuilder.CreateTable(
                name: "supervision_notices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_notices", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_supervision_notices_tenant_id_UnitId_Period",
                table: "supervision_notices",
                columns: new[] { "tenant_id", "UnitId", "Period" },
                unique: true);

            migrationBuilder.EnableTenantRowLevelSecurity("assessment_states");
            migrationBuilder.EnableTenantRowLevelSecurity("completion_states");
            migrationBuilder.EnableTenantRowLevelSecurity("supervision_notices");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableRowLevelSecurity("assessment_states");
            migrationBuilder.DisableRowLevelSecurity("completion_states");
            migrationBuilder.DisableRowLevelSecurity("supervision_notices");
            migrationBuilder.DropTable(
                name: "assessment_states");

            migrationBuilder.DropTable(
                name: "completion_states");

            migrationBuilder.DropTable(
                name: "supervision_notices");
        }
    }
}
