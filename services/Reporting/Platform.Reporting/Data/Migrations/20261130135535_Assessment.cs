using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.MultiTenancy;

#nullable disable

namespace Platform.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class Assessment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assessment_results",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitName = table.Column<string>(type: "text", nullable: false),
                    RuleVersion = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    Reasons = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_results", x => new { x.tenant_id, x.Year, x.UnitId });
                });

            migrationBuilder.CreateTable(
                name: "assessment_rule_sets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    BaseScore = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: false),
                    ClosureCountsAsCompleted = table.Column<bool>(type: "boolean", nullable: false),
                    Items = table.Column<string>(type: "jsonb", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_rule_sets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "received_notices",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NoticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitName = table.Column<string>(type: "text", nullable: false),
                    Period = table.Column<string>(type: "text", nullable: false),
                    TaskIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_received_notices", x => new { x.tenant_id, x.NoticeId });
                });

            migrationBuilder.CreateTable(
                name: "year_assessments",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    RuleVersion = table.Column<int>(type: "integer", nullable: false),
                    AppliedBy = table.Column<string>(type: "text", nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Final = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_year_assessments", x => new { x.tenant_id, x.Year });
                });

            migrationBuilder.CreateIndex(
                name: "IX_assessment_rule_sets_tenant_id_Version",
                table: "assessment_rule_sets",
                columns: new[] { "tenant_id", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_received_notices_tenant_id_Period",
                table: "received_notices",
                columns: new[] { "tenant_id", "Period" });

            migrationBuilder.EnableTenantRowLevelSecurity("assessment_results");
            migrationBuilder.EnableTenantRowLevelSecurity("assessment_rule_sets");
            migrationBuilder.EnableTenantRowLevelSecurity("received_notices");
            migrationBuilder.EnableTenantRowLevelSecurity("year_assessments");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assessment_results");

            migrationBuilder.DropTable(
                name: "assessment_rule_sets");

            migrationBuilder.DropTable(
                name: "received_notices");

            migrationBuilder.DropTable(
                name: "year_assessments");
        }
    }
}
