using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Platform.MultiTenancy;

#nullable disable

namespace Platform.Units.Data.Migrations
{
    /// <summary>
    /// Units can be retired; every change of a unit is audited in the tenant's <c>unit_audit</c>; and the directory keeps
    /// which units the published lists give tasks to (<c>unit_assignments</c>, from TaskListPublished), so it can tell
    /// whether a unit may retire. Both tables under the tenant policies.
    /// </summary>
    public partial class UnitLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetiredAt",
                table: "units",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "unit_assignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    TaskListId = table.Column<Guid>(type: "uuid", nullable: false),
                    ListVersion = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Lead = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unit_assignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "unit_audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Actor = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Before = table.Column<string>(type: "jsonb", nullable: true),
                    After = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unit_audit", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_unit_assignments_tenant_id_Year",
                table: "unit_assignments",
                columns: new[] { "tenant_id", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_unit_assignments_UnitId_Year",
                table: "unit_assignments",
                columns: new[] { "UnitId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_unit_audit_tenant_id_At",
                table: "unit_audit",
                columns: new[] { "tenant_id", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_unit_audit_UnitId",
                table: "unit_audit",
                column: "UnitId");

            migrationBuilder.EnableTenantRowLevelSecurity("unit_audit");
            migrationBuilder.EnableTenantRowLevelSecurity("unit_assignments");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableRowLevelSecurity("unit_assignments");
            migrationBuilder.DisableRowLevelSecurity("unit_audit");
            migrationBuilder.DropTable(
                name: "unit_assignments");

            migrationBuilder.DropTable(
                name: "unit_audit");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "units");
        }
    }
}
