using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.MultiTenancy;

#nullable disable

namespace Platform.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class YearEnd : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "closing_years",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    CompletionOpensOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "text", nullable: true),
                    RuleVersion = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_closing_years", x => new { x.tenant_id, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "completion_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    LeadUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: false),
                    FinalValues = table.Column<List<decimal?>>(type: "numeric[]", nullable: false),
                    PrefilledFromClosure = table.Column<bool>(type: "boolean", nullable: false),
                    ReturnComment = table.Column<string>(type: "text", nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SubmittedBy = table.Column<string>(type: "text", nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewedBy = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_completion_reports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_completion_reports_TaskId_Year_LeadUnitId",
                table: "completion_reports",
                columns: new[] { "TaskId", "Year", "LeadUnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_completion_reports_tenant_id_Year_Status",
                table: "completion_reports",
                columns: new[] { "tenant_id", "Year", "Status" });

            migrationBuilder.EnableTenantRowLevelSecurity("completion_reports");
            migrationBuilder.EnableTenantRowLevelSecurity("closing_years");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "closing_years");

            migrationBuilder.DropTable(
                name: "completion_reports");
        }
    }
}
