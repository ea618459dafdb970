using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.MultiTenancy;

#nullable disable

namespace Platform.Units.Data.Migrations
{
    /// <summary>
    /// A person's sign-in history and sessions: <c>sign_in_events</c> (every password sign-in attempt on an account,
    /// under the tenant policies) and, on <c>refresh_tokens</c>, the session a token belongs to, where it was issued to
    /// and when its owner ended it. Tokens issued before this migration each become a session of their own.
    /// </summary>
    public partial class SignInSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClientAddress",
                table: "refresh_tokens",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EndedAt",
                table: "refresh_tokens",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SessionId",
                table: "refresh_tokens",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "UserAgent",
                table: "refresh_tokens",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.Sql("""UPDATE refresh_tokens SET "SessionId" = gen_random_uuid()""");

            migrationBuilder.CreateTable(
                name: "sign_in_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ClientAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UserAgent = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sign_in_events", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_refresh_tokens_EndedAt",
                table: "refresh_tokens",
                column: "EndedAt",
                filter: "\"EndedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_sign_in_events_AccountId_At",
                table: "sign_in_events",
                columns: new[] { "AccountId", "At" });

            migrationBuilder.EnableTenantRowLevelSecurity("sign_in_events");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableRowLevelSecurity("sign_in_events");
            migrationBuilder.DropTable(
                name: "sign_in_events");

            migrationBuilder.DropIndex(
                name: "IX_refresh_tokens_EndedAt",
                table: "refresh_tokens");

            migrationBuilder.DropColumn(
                name: "ClientAddress",
                table: "refresh_tokens");

            migrationBuilder.DropColumn(
                name: "EndedAt",
                table: "refresh_tokens");

            migrationBuilder.DropColumn(
                name: "SessionId",
                table: "refresh_tokens");

            migrationBuilder.DropColumn(
                name: "UserAgent",
                table: "refresh_tokens");
        }
    }
}
