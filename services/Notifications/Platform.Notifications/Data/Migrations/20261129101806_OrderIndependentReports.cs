using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.MultiTenancy;

#nullable disable

namespace Platform.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class OrderIndependentReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ListVersion",
                table: "owed_reports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReportVersion",
                table: "owed_reports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LockedUntil",
                table: "outbox_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "report_states",
                columns: table => new
                {
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    LeadUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_states", x => new { x.TaskId, x.Period, x.LeadUnitId });
                });
            migrationBuilder.EnableTenantRowLevelSecurity("report_states");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_pending",
                table: "outbox_messages",
                column: "CreatedAt",
                filter: "\"SentAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "report_states");

            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_pending",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "ListVersion",
                table: "owed_reports");

            migrationBuilder.DropColumn(
                name: "ReportVersion",
                table: "owed_reports");

            migrationBuilder.DropColumn(
                name: "LockedUntil",
                table: "outbox_messages");
        }
    }
}
