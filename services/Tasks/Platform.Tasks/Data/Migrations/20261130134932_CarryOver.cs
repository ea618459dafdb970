using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.MultiTenancy;

#nullable disable

namespace Platform.Tasks.Data.Migrations
{
    /// <summary>Carry-over (结转): a closed year's unfinished tasks, the office's decisions, and each task's link.</summary>
    public partial class CarryOver : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CarriedFromTaskId",
                table: "tasks",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CarriedFromYear",
                table: "tasks",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "carry_over_candidates",
                columns: table => new
                {
                    FromTaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FromYear = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Category = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LeadUnits = table.Column<string>(type: "jsonb", nullable: false),
                    ResponsibleUnits = table.Column<string>(type: "jsonb", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_carry_over_candidates", x => x.FromTaskId);
                });

            migrationBuilder.CreateTable(
                name: "carry_over_choices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TaskListId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromTaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    Decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ToTaskId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FixedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_carry_over_choices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_carry_over_choices_carry_over_candidates_FromTaskId",
                        column: x => x.FromTaskId,
                        principalTable: "carry_over_candidates",
                        principalColumn: "FromTaskId",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_carry_over_choices_task_lists_TaskListId",
                        column: x => x.TaskListId,
                        principalTable: "task_lists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_carry_over_candidates_tenant_id_FromYear",
                table: "carry_over_candidates",
                columns: new[] { "tenant_id", "FromYear" });

            migrationBuilder.CreateIndex(
                name: "IX_carry_over_choices_FromTaskId",
                table: "carry_over_choices",
                column: "FromTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_carry_over_choices_TaskListId_FromTaskId",
                table: "carry_over_choices",
                columns: new[] { "TaskListId", "FromTaskId" },
                unique: true);

            migrationBuilder.EnableTenantRowLevelSecurity("carry_over_candidates");
            migrationBuilder.EnableTenantRowLevelSecurity("carry_over_choices");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableRowLevelSecurity("carry_over_choices");
            migrationBuilder.DisableRowLevelSecurity("carry_over_candidates");
            migrationBuilder.DropTable(
                name: "carry_over_choices");

            migrationBuilder.DropTable(
                name: "carry_over_candidates");

            migrationBuilder.DropColumn(
                name: "CarriedFromTaskId",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "CarriedFromYear",
                table: "tasks");
        }
    }
}
