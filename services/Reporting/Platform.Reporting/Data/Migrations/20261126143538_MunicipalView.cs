using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Platform.MultiTenancy;

#nullable disable

namespace Platform.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class MunicipalView : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DueOn",
                table: "task_lights",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<List<string>>(
                name: "Indicators",
                table: "task_lights",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<bool>(
                name: "ReportedOnTime",
                table: "task_lights",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstSubmittedAt",
                table: "reports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "comparable_targets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskNumber = table.Column<string>(type: "text", nullable: false),
                    Indicator = table.Column<string>(type: "text", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<decimal>(type: "numeric", nullable: false),
                    Unit = table.Column<string>(type: "text", nullable: false),
                    Baseline = table.Column<decimal>(type: "numeric", nullable: true),
                    Direction = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_comparable_targets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "districts",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ParentId = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_districts", x => x.tenant_id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_task_lights_Period_tenant_id",
                table: "task_lights",
                columns: new[] { "Period", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_comparable_targets_TaskId",
                table: "comparable_targets",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_comparable_targets_Year_Indicator",
                table: "comparable_targets",
                columns: new[] { "Year", "Indicator" });

            migrationBuilder.EnableTenantRowLevelSecurity("comparable_targets");
            migrationBuilder.EnableTenantRowLevelSecurity("districts");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "comparable_targets");

            migrationBuilder.DropTable(
                name: "districts");

            migrationBuilder.DropIndex(
                name: "IX_task_lights_Period_tenant_id",
                table: "task_lights");

            migrationBuilder.DropColumn(
                name: "DueOn",
                table: "task_lights");

            migrationBuilder.DropColumn(
                name: "Indicators",
                table: "task_lights");

            migrationBuilder.DropColumn(
                name: "ReportedOnTime",
                table: "task_lights");

            migrationBuilder.DropColumn(
                name: "FirstSubmittedAt",
                table: "reports");
        }
    }
}
