using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Platform.MultiTenancy;

#nullable disable

namespace Platform.Units.Data.Migrations
{
    /// <summary>
    /// Accounts carry an e-mail and a mobile number, a password the person must replace, the instant from which their
    /// tokens count again, and a version; every change of an account is audited in the tenant's <c>account_audit</c>.
    /// </summary>
    public partial class AccountLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "accounts",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Mobile",
                table: "accounts",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MustChangePassword",
                table: "accounts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "TokensValidAfter",
                table: "accounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                table: "accounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "accounts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "account_audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Actor = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Before = table.Column<string>(type: "jsonb", nullable: true),
                    After = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_audit", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_accounts_TokensValidAfter",
                table: "accounts",
                column: "TokensValidAfter",
                filter: "\"TokensValidAfter\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_account_audit_AccountId",
                table: "account_audit",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_account_audit_tenant_id_At",
                table: "account_audit",
                columns: new[] { "tenant_id", "At" });

            migrationBuilder.EnableTenantRowLevelSecurity("account_audit");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableRowLevelSecurity("account_audit");
            migrationBuilder.DropTable(
                name: "account_audit");

            migrationBuilder.DropIndex(
                name: "IX_accounts_TokensValidAfter",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "Email",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "Mobile",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "MustChangePassword",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "TokensValidAfter",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "accounts");
        }
    }
}
