using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.MultiTenancy;

#nullable disable

namespace Platform.Units.Data.Migrations
{
    /// <inheritdoc />
    public partial class SignInLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sign_in_attempts",
                columns: table => new
                {
                    Username = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Consecutive = table.Column<int>(type: "integer", nullable: false),
                    SinceLastSignIn = table.Column<int>(type: "integer", nullable: false),
                    LastFailedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sign_in_attempts", x => x.Username);
                });

            migrationBuilder.CreateTable(
                name: "sign_in_lockouts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Username = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LockedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FailedAttempts = table.Column<int>(type: "integer", nullable: false),
                    ClientAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sign_in_lockouts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sign_in_attempts_LastFailedAt",
                table: "sign_in_attempts",
                column: "LastFailedAt");

            migrationBuilder.CreateIndex(
                name: "IX_sign_in_lockouts_tenant_id_LockedAt",
                table: "sign_in_lockouts",
                columns: new[] { "tenant_id", "LockedAt" });

            // The lockouts are the district's audit; the attempts are the platform's own, kept per username before any
            // tenant is known.
            migrationBuilder.EnableTenantRowLevelSecurity("sign_in_lockouts");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sign_in_attempts");

            migrationBuilder.DropTable(
                name: "sign_in_lockouts");
        }
    }
}
