using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.MultiTenancy;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Platform.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class TaskLights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "task_lights",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<string>(type: "text", nullable: false),
                    LeadUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadUnitName = table.Column<string>(type: "text", nullable: false),
                    TaskNumber = table.Column<string>(type: "text", nullable: false),
                    TaskOrder = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "text", nullable: true),
                    Light = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ReportStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    SelfStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Disagreement = table.Column<bool>(type: "boolean", nullable: false),
                    Overdue = table.Column<bool>(type: "boolean", nullable: false),
                    Problems = table.Column<string>(type: "text", nullable: true),
                    Reasons = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_task_lights", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_task_lights_TaskId_Period_LeadUnitId",
                table: "task_lights",
                columns: new[] { "TaskId", "Period", "LeadUnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_task_lights_tenant_id_Period_Light",
                table: "task_lights",
                columns: new[] { "tenant_id", "Period", "Light" });

            migrationBuilder.EnableTenantRowLevelSecurity("task_lights");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "task_lights");
        }
    }
}
