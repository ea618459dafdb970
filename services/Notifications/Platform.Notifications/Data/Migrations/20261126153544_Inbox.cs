using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.MultiTenancy;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Platform.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class Inbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notification_settings",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReminderDaysBefore = table.Column<int>(type: "integer", nullable: false),
                    OverdueAfterDays = table.Column<int>(type: "integer", nullable: false),
                    EscalateAfterDays = table.Column<int>(type: "integer", nullable: false),
                    AssignmentEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    ReminderEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    OverdueEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    EscalationEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    ReviewEnabled = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_settings", x => x.tenant_id);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RecipientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    CauseKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: true),
                    Period = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "owed_reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TaskListId = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskNumber = table.Column<string>(type: "text", nullable: false),
                    TaskOrder = table.Column<int>(type: "integer", nullable: false),
                    TaskText = table.Column<string>(type: "text", nullable: false),
                    LeadUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadUnitName = table.Column<string>(type: "text", nullable: false),
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_owed_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "recipients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Username = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "text", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    Roles = table.Column<List<string>>(type: "text[]", nullable: false),
                    Disabled = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recipients", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_RecipientId_CauseKey",
                table: "notifications",
                columns: new[] { "RecipientId", "CauseKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notifications_RecipientId_ReadAt_Id",
                table: "notifications",
                columns: new[] { "RecipientId", "ReadAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_owed_reports_DueOn_State_Active",
                table: "owed_reports",
                columns: new[] { "DueOn", "State", "Active" });

            migrationBuilder.CreateIndex(
                name: "IX_owed_reports_TaskId_Period_LeadUnitId",
                table: "owed_reports",
                columns: new[] { "TaskId", "Period", "LeadUnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recipients_tenant_id_UnitId",
                table: "recipients",
                columns: new[] { "tenant_id", "UnitId" });

            migrationBuilder.EnableTenantRowLevelSecurity("recipients");
            migrationBuilder.EnableTenantRowLevelSecurity("owed_reports");
            migrationBuilder.EnableTenantRowLevelSecurity("notification_settings");
            migrationBuilder.EnableTenantRowLevelSecurity("notifications");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notification_settings");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "owed_reports");

            migrationBuilder.DropTable(
                name: "recipients");
        }
    }
}
